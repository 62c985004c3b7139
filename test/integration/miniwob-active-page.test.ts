import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEpisode } from '../../main/agent/episode-loop';
import type { Policy, PolicyDecision, PolicyInput } from '../../main/agent/policy';
import { evaluateMiniWob, type MiniWobSuccessRule } from '../../main/eval/miniwob-reward';
import { miniwobEnvironment } from '../../main/runs/miniwob-environment';
import { startMiniWobEpisode } from '../../main/tasks/miniwob/page-protocol';
import { browsergymPageSeed } from '../../main/tasks/miniwob/page-seed';
import { useCore } from '../helpers/use-core';

// BrowserGym fidelity (docs/design/WEBARENA.md §5), in real Chromium on our fixture pages: a page is seeded with
// RandomState(seed).randint(0, 10^6), not the seed; and an episode whose active tab is not the task page on the
// task URL ends there with 0 (BrowserGym's validate()), with the reason in the outcome and the check.
const FIXTURE = join(import.meta.dirname, '../fixtures/miniwob');
const TASK_ID = 'miniwob/click-fixture';
const core = useCore({ sandbox: false, miniwob: { dir: FIXTURE, successRule: 'browsergym' } });

/** Replies the scripted actions in turn; `intents` keeps the instruction it was given. */
class Script implements Policy {
  readonly name = 'script';
  intents: string[] = [];
  constructor(private readonly plan: Array<(input: PolicyInput) => string>) {}
  async decide(input: PolicyInput): Promise<PolicyDecision> {
    this.intents.push(input.intent);
    return { reply: `\`\`\`${this.plan[input.t]?.(input) ?? 'stop [done]'}\`\`\`` };
  }
}

/** Clicks the button the instruction names. */
const clickNamed = (input: PolicyInput) => {
  const target = /"([^"]+)"/.exec(input.intent)?.[1];
  return `click [${input.observation.nodes.find((n) => n.role === 'button' && n.name === target)?.id}]`;
};

async function episode(policy: Policy, seed: number, rule: MiniWobSuccessRule = 'browsergym') {
  const task = (await core.store.tasks.get(TASK_ID))!;
  return runEpisode(
    { store: core.store, pool: core.pool, evaluate: (_task, ctx) => evaluateMiniWob(ctx.page, rule) },
    { task, policy, environment: miniwobEnvironment(core.miniwob.server!, seed), seed },
  );
}

describe('MiniWoB++ as BrowserGym runs it', () => {
  it('gives the page BrowserGym\'s page seed and records it with the score', { timeout: 120_000 }, async () => {
    const policy = new Script([clickNamed]);
    const result = await episode(policy, 11);
    expect(result).toMatchObject({ success: true, score: 1, stopReason: 'task_done' });
    const pageSeed = browsergymPageSeed(11);
    expect(result.evaluation!.checks[0].note).toContain(`page seed ${pageSeed} (BrowserGym's RandomState(11).randint(0, 1000000))`);
    // The same page seeded by hand with that number shows the instance the episode got.
    const session = await core.pool.newSession({});
    try {
      await session.page.goto(`${core.miniwob.server!.baseUrl}/miniwob/click-fixture.html`);
      expect(await startMiniWobEpisode(session.page, pageSeed)).toBe(policy.intents[0]);
      // Seeded with 11 itself (what this app did before), the page shows another instance.
      await session.page.reload();
      expect(await startMiniWobEpisode(session.page, 11)).not.toBe(policy.intents[0]);
    } finally {
      await session.close();
    }
  });

  it('ends the episode with 0 when the agent opens a new tab, and says the task page does not count', { timeout: 120_000 }, async () => {
    const result = await episode(new Script([() => 'new_tab', clickNamed]), 7);
    expect(result).toMatchObject({ status: 'finished', success: false, score: 0, stopReason: 'task_done', stepCount: 1 });
    expect(result.outcome).toContain('The agent left the task page (the active tab (about:blank) is not the tab the task was started in)');
    expect(result.evaluation!.checks[0].note).toBe('the active tab (about:blank) is not the tab the task was started in; the task page, still open in another tab, had not ended the episode, which does not count: BrowserGym scores only the active tab on the task URL; scored 0, as BrowserGym does');
  });

  // search-engine's result links are href="#": a correct click leaves "…html#" in the address bar, same document.
  // BrowserGym compares the URL exactly and ends the episode there; so do we, saying that only the fragment changed.
  it('ends the episode when only the URL\'s fragment changed, as BrowserGym does, and says so', { timeout: 120_000 }, async () => {
    const hashed = `${core.miniwob.server!.baseUrl}/miniwob/click-fixture.html#`;
    const result = await episode(new Script([() => `goto [${hashed}]`, clickNamed]), 7, 'browsergym');
    expect(result).toMatchObject({ success: false, score: 0, stepCount: 1 });
    expect(result.evaluation!.checks[0].note).toContain('only its fragment changed');
  });

  it('ends the episode when the task\'s tab goes to another URL: 0 under BrowserGym\'s rule, −1 under the miniwob package\'s', { timeout: 120_000 }, async () => {
    const other = `${core.miniwob.server!.baseUrl}/miniwob/inbox-fixture.html`;
    for (const [rule, score] of [['browsergym', 0], ['miniwob', -1]] as const) {
      const result = await episode(new Script([() => `goto [${other}]`, clickNamed]), 7, rule);
      expect(result).toMatchObject({ success: false, score, stopReason: 'task_done', stepCount: 1 });
      expect(result.evaluation!.checks[0].note).toContain(`the task's tab left the task page: it shows ${other}, not ${core.miniwob.server!.baseUrl}/miniwob/click-fixture.html`);
    }
  });
});
