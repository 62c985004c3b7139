// docs/design/WEBARENA.md §2.1, §4.5: under a reference's stop rules an early stop leaves the answer the
// reference scores ("Early stop: <reason>"), recorded with the episode; the stop reason and explanation stay
// the workbench's. Lite task 17's check (must_include ["5"]) passes on "Early stop: Same action for 5 times"
// in VAB, so it must pass here under vab-lite, and fail where the workbench's own rules leave no answer.
import { describe, expect, it } from 'vitest';
import { runEpisode, type EpisodeDeps } from '../../main/agent/episode-loop';
import type { Policy, PolicyDecision } from '../../main/agent/policy';
import { VAB_LITE_STOP_RULES, type StopRules } from '../../main/agent/stop-rules';
import { evaluateEpisode } from '../../main/eval/evaluate';
import { environmentFor } from '../../main/runs/run-environments';
import type { EnvironmentDeps } from '../../main/runs/types';
import { useCore } from '../helpers/use-core';

const core = useCore({ sandbox: { instancesPerFamily: 1 } });

/** Scrolls down forever: the repeated-action rule ends it. */
class ScrollingPolicy implements Policy {
  readonly name = 'always-scroll';
  async decide(): Promise<PolicyDecision> {
    return { reply: 'Keep looking.\n```scroll [down]```' };
  }
}

/** Task 17's string check (VAB-WebArena-Lite), scored under vab-lite. */
const TASK_17_EVAL = { eval_types: ['string_match'], reference_answers: { must_include: ['5'] }, reference_url: '', program_html: [] };

/** Fails on its first decision, as a policy whose model output cannot be used. */
class FailingPolicy implements Policy {
  readonly name = 'failing';
  async decide(): Promise<PolicyDecision> {
    throw new Error('the reply had no action block');
  }
}

async function runScrolling(stopRules: StopRules, policy: Policy = new ScrollingPolicy()) {
  const task = (await core.store.tasks.get(core.catalog!.all().find((i) => i.family.startsWith('shop/'))!.id))!;
  const deps = {
    store: core.store, pool: core.pool, sandbox: core.sandbox, catalog: core.catalog, miniwob: core.miniwob, siteProfile: () => ({}), logins: null,
    evaluate: (_task, ctx) => evaluateEpisode({ intent: 'How many reviews?', eval: TASK_17_EVAL },
      { answer: ctx.answer, finalUrl: ctx.finalUrl, page: ctx.page, placeholders: ctx.resolveUrl, profile: 'vab-lite' }),
  } satisfies EpisodeDeps & EnvironmentDeps;
  const episode = await runEpisode(deps, { task, policy, environment: environmentFor(deps, task, 0), stopRules });
  return { episode, steps: await core.store.steps.list(episode.id) };
}

describe('early-stop answers', () => {
  it('vab-lite: five scrolls stop with "Early stop: Same action for 5 times", which is stored and scores 1 on must_include ["5"]', { timeout: 180_000 }, async () => {
    const { episode, steps } = await runScrolling(VAB_LITE_STOP_RULES);
    expect(steps).toHaveLength(5);
    expect(episode).toMatchObject({
      status: 'finished', stopReason: 'repeated_actions', answer: 'Early stop: Same action for 5 times', success: true, score: 1,
      outcome: 'Succeeded. The same action (scroll [down]) was repeated 5 times in a row.',
    });
    expect(episode.evaluation!.checks[0]).toMatchObject({ expected: '5', actual: 'early stop: same action for 5 times', passed: true });
  });

  it('the workbench\'s own rules (no reference) stop the same way but leave no answer, so the check fails', { timeout: 180_000 }, async () => {
    const { reference: _reference, ...own } = VAB_LITE_STOP_RULES;
    const { episode } = await runScrolling(own);
    expect(episode).toMatchObject({ stopReason: 'repeated_actions', answer: null, success: false, score: 0 });
  });

  it('a failed policy is scored with the reference\'s "ERROR: …" answer; its stop reason and explanation are ours', { timeout: 180_000 }, async () => {
    const { episode } = await runScrolling(VAB_LITE_STOP_RULES, new FailingPolicy());
    expect(episode).toMatchObject({
      status: 'finished', stopReason: 'policy_error', answer: 'ERROR: the reply had no action block', success: false,
      outcome: 'Failed. The policy failed: the reply had no action block',
    });
    expect(episode.evaluation!.checks[0].actual).toBe('error: the reply had no action block');
  });
});
