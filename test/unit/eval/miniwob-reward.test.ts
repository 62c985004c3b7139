import { describe, expect, it } from 'vitest';
import { evaluateMiniWob, scoreMiniWob } from '../../../main/eval/miniwob-reward';

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
  const page = (globals: Record<string, unknown> | null) => ({
    url: () => 'http://127.0.0.1/miniwob/x.html',
    goto: async () => undefined,
    content: async () => '',
    async evaluate<T>(expression: string): Promise<T> {
      if (expression.startsWith('typeof WOB_DONE_GLOBAL')) return (globals ? { done: globals.WOB_DONE_GLOBAL, raw: globals.WOB_RAW_REWARD_GLOBAL, reason: globals.WOB_REWARD_REASON } : null) as T;
      return { utterance: 'Click on "OK".', fields: [] } as T; // the object form some versions return
    },
  });

  it('reads the page\'s done flag, raw reward and reason', async () => {
    const result = await evaluateMiniWob(page({ WOB_DONE_GLOBAL: true, WOB_RAW_REWARD_GLOBAL: 1, WOB_REWARD_REASON: 'correct' }), 'miniwob');
    expect(result).toMatchObject({ success: true, score: 1 });
    expect(result.checks[0].note).toBe('the page ended the episode (correct); instruction: "Click on "OK"."');
  });

  it('scores an episode whose tab left the task page as unfinished, and says so', async () => {
    const away = await evaluateMiniWob(page(null), 'browsergym');
    expect(away).toMatchObject({ success: false, score: 0 });
    expect(away.checks[0].note).toContain('no open tab shows the task page any more');
    expect((await evaluateMiniWob(page(null), 'miniwob')).score).toBe(-1);
  });

  it('reads the task page from another tab when the agent opened a new one', async () => {
    const task = page({ WOB_DONE_GLOBAL: true, WOB_RAW_REWARD_GLOBAL: 1, WOB_REWARD_REASON: null });
    const blank = { ...page(null), url: () => 'about:blank', context: () => ({ pages: () => [task, blank] }) };
    const result = await evaluateMiniWob(blank, 'browsergym');
    expect(result).toMatchObject({ success: true, score: 1 });
    expect(result.checks[0].note).toContain('read from another tab (http://127.0.0.1/miniwob/x.html); the active tab shows about:blank');
  });
});
