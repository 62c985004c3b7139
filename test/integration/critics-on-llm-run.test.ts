import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAND_SUBGOALS as HAND, REPLAN_TASK as TASK, replanReplies } from '../fixtures/replan-scenario';
import { waitForCriticFit } from '../fixtures/critic-runs';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

// Issue 17 "LLM agents included": critics fitted on an SGO episode (an LLM policy against the loopback Gemini
// server, milestones judged by the AutoRater as it ran), with P's labels from its stored progress vectors.
// One episode cannot be split, so V's calibration is measured on all of its states and the report says so.
let fixture: LlmCore;

beforeAll(async () => {
  fixture = await startLlmCore({ key: 'critics-llm-key-2468', model: 'gemini-2.5-pro', thinkingBudget: 'dynamic', llm: { cacheDir: false, timeoutMs: 10_000, retry: { sleep: async () => undefined } } });
});
afterAll(async () => {
  await fixture?.close();
});

describe('critics on an LLM agent\'s run', () => {
  it('fits V and P on an SGO episode and gives replay its V and P per step', { timeout: 180_000 }, async () => {
    const { core, server } = fixture;
    await core.api.saveSubgoalSet(TASK, HAND.map((text) => ({ text })), 'hand-corrected: five milestones');
    server.enqueue(...replanReplies());
    const { runId, done } = await core.run({ taskIds: [TASK], policy: 'sgo', sgo: { subgoalSource: 'latest', replanAfterSteps: 2 } });
    const [episode] = await done;
    expect(episode).toMatchObject({ status: 'finished', success: false });
    const steps = await core.store.steps.list(episode.id);
    expect(steps.map((s) => s.progress)).toEqual([[1, 0, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0]]);
    expect((await core.store.verdicts.list(episode.id)).length).toBeGreaterThan(0);

    const { fitId } = await core.api.startCriticFit({ runIds: [runId] });
    const job = await waitForCriticFit(core.api, fitId);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ episodes: 1, trainEpisodes: 1, heldOutEpisodes: 0, labelSources: { steps: 1, verdicts: 0, none: 0 } });
    expect(job.result!.value.heldOutLoss).toBeNull();
    expect(job.result!.potential).not.toBeNull();
    // No held-out episode: the calibration is over every state (T + 1 = 5) and is marked as such.
    expect(job.result!.calibration).toMatchObject({ heldOut: false, n: 5 });

    const critics = (await core.api.getEpisodeCritics(episode.id))!;
    expect(critics.values).toHaveLength(4);
    expect(critics.potentials).toHaveLength(4);
    console.log(`SGO episode: V ${critics.values.map((v) => v.toFixed(3)).join(' ')}; P ${critics.potentials!.map((p) => p.toFixed(3)).join(' ')}; fit ${job.result!.seconds.toFixed(1)} s; train BCE ${job.result!.value.trainLoss.toFixed(4)}, MSE ${job.result!.potential!.trainLoss.toFixed(4)}`);
    // Fitted towards the failed episode's low labels (0, then 1/5 flat after milestone 1) from its initial ≈ 1/2;
    // on five states the 20 Adam steps overshoot towards 0, so only the direction is checked.
    for (const p of critics.potentials!) expect(p).toBeLessThan(0.5);
  });
});
