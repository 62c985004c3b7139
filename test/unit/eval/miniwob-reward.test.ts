import { describe, expect, it } from 'vitest';
import { evaluateMiniWob, scoreMiniWob } from '../../../main/eval/miniwob-reward';
import { recordTaskStart } from '../../../main/tasks/miniwob/task-page';

// docs/design/WEBARENA.md §5: success is raw reward > 0 (BrowserGym) or = 1 (the Python package); the rule
// is recorded with the score.
const done = (rawReward: number) => ({ done: true, rawReward, reason: null });

describe('scoreMiniWob', () => {
  it('keeps the raw reward as the score under both rules', () => {
    for (const rule of ['browsergym', 'miniwob'] as const) {
      expect(scoreMiniWob(done(1), rule)).toMatchObject({ score: 1, success: true, profile: `miniwob/${rule}` });
      expect(scoreMiniWob(done(-1), rule)).toMatchObject({ score: -1, success: false });
    }
  });

  it('differs on a partial reward: > 0 passes for BrowserGym, not for the miniwob package', () => {
    const browsergym = scoreMiniWob(done(0.5), 'browsergym');
    const miniwob = scoreMiniWob(done(0.5), 'miniwob');
    expect(browsergym.success).toBe(true);
    expect(browsergym.checks[0]).toMatchObject({ kind: 'miniwob_reward', rule: 'raw reward > 0 (BrowserGym)', expected: '> 0', actual: '0.5', passed: true });
    expect(miniwob.success).toBe(false);
    expect(miniwob.checks[0]).toMatchObject({ rule: 'raw reward = 1 (miniwob package)', expected: '1', passed: false });
  });

  it('never counts an episode the page did not finish: 0 under BrowserGym, −1 under the miniwob package', () => {
    const result = scoreMiniWob({ done: false, rawReward: 0, reason: null }, 'browsergym', 'Click on "OK".');
    expect(result).toMatchObject({ success: false, score: 0 });
    expect(result.checks[0].note).toBe('the episode was not finished on the page (WOB_DONE_GLOBAL false); scored 0, as BrowserGym does; instruction: "Click on "OK"."');
    const miniwob = scoreMiniWob({ done: false, rawReward: 0, reason: null }, 'miniwob');
    expect(miniwob).toMatchObject({ success: false, score: -1 });
    expect(miniwob.checks[0]).toMatchObject({ actual: '-1', score: -1 });
  });
});

describe('evaluateMiniWob', () => {
  const TASK_URL = 'http://127.0.0.1/miniwob/x.html';
  const page = (globals: Record<string, unknown> | null, url = TASK_URL) => ({
    url: () => url,
    goto: async () => undefined,
    content: async () => '',
    async evaluate<T>(expression: string): Promise<T> {
      if (expression.startsWith('typeof WOB_DONE_GLOBAL')) return (globals ? { done: globals.WOB_DONE_GLOBAL, raw: globals.WOB_RAW_REWARD_GLOBAL, reason: globals.WOB_REWARD_REASON } : null) as T;
      return { utterance: 'Click on "OK".', fields: [] } as T; // the object form some versions return
    },
  });
  /** A tab the episode's task was started in (what the MiniWoB++ environment records at begin). */
  const taskPage = (globals: Record<string, unknown> | null, url?: string) => {
    const tab = page(globals, url);
    recordTaskStart(tab, { url: TASK_URL, seed: 4, pageSeed: 991406 });
    return tab;
  };

  it('reads the page\'s done flag, raw reward and reason, and records the page seed', async () => {
    const result = await evaluateMiniWob(taskPage({ WOB_DONE_GLOBAL: true, WOB_RAW_REWARD_GLOBAL: 1, WOB_REWARD_REASON: 'correct' }), 'miniwob');
    expect(result).toMatchObject({ success: true, score: 1 });
    expect(result.checks[0].note).toBe('the page ended the episode (correct); instruction: "Click on "OK"."; page seed 991406 (BrowserGym\'s RandomState(4).randint(0, 1000000))');
  });

  it('scores 0 (BrowserGym) or −1 (miniwob) when the task\'s tab navigated away from the task URL', async () => {
    const away = await evaluateMiniWob(taskPage(null, 'http://127.0.0.1/elsewhere.html'), 'browsergym');
    expect(away).toMatchObject({ success: false, score: 0 });
    expect(away.checks[0].note).toBe('the task\'s tab left the task page: it shows http://127.0.0.1/elsewhere.html, not http://127.0.0.1/miniwob/x.html; BrowserGym scores only the active tab on the task URL; scored 0, as BrowserGym does');
    expect((await evaluateMiniWob(taskPage(null, 'http://127.0.0.1/elsewhere.html'), 'miniwob')).score).toBe(-1);
  });

  it('scores 0 when the task URL changed even if the same tab still has a finished episode', async () => {
    const queried = taskPage({ WOB_DONE_GLOBAL: true, WOB_RAW_REWARD_GLOBAL: 1, WOB_REWARD_REASON: null }, `${TASK_URL}?x`);
    expect(await evaluateMiniWob(queried, 'browsergym')).toMatchObject({ success: false, score: 0 });
  });

  // search-engine's result links are href="#": the correct click gives +1 and leaves "…search-engine.html#" in the
  // address bar. BrowserGym compares the URL exactly, so it scores 0 there; so do we, and the check says why.
  it('scores 0 when only the fragment changed, as BrowserGym does, and says that only the fragment changed', async () => {
    for (const url of [`${TASK_URL}#`, `${TASK_URL}#tabs-2`]) {
      for (const [rule, score] of [['browsergym', 0], ['miniwob', -1]] as const) {
        const solved = taskPage({ WOB_DONE_GLOBAL: true, WOB_RAW_REWARD_GLOBAL: 1, WOB_REWARD_REASON: null }, url);
        const result = await evaluateMiniWob(solved, rule);
        expect(result).toMatchObject({ success: false, score });
        expect(result.checks[0].note).toContain('only its fragment changed, as after a link to "#"');
      }
    }
  });

  it('does not read the task page from another tab: the active tab decides, and the check says what the other showed', async () => {
    const task = taskPage({ WOB_DONE_GLOBAL: true, WOB_RAW_REWARD_GLOBAL: 1, WOB_REWARD_REASON: null });
    const blank = { ...page(null, 'about:blank'), context: () => ({ pages: () => [task, blank] }) };
    const result = await evaluateMiniWob(blank, 'browsergym');
    expect(result).toMatchObject({ success: false, score: 0 });
    expect(result.checks[0].note).toBe('the active tab (about:blank) is not the tab the task was started in; the task page, still open in another tab, had ended the episode with raw reward 1, which does not count: BrowserGym scores only the active tab on the task URL; scored 0, as BrowserGym does');
  });

  it('says so when the task\'s tab was closed', async () => {
    const other = { ...page(null, `${TASK_URL}`), context: () => ({ pages: () => [other] }) };
    const result = await evaluateMiniWob(other, 'miniwob');
    expect(result).toMatchObject({ success: false, score: -1 });
    expect(result.checks[0].note).toContain('is not the tab the task was started in; the task\'s tab is closed');
  });
});
