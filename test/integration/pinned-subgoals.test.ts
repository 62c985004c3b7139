// Issue 21 "Re-run with corrected subgoals": a run (from the Tasks page) or a fork pins one stored subgoal
// version by id. Regenerating afterwards adds a newer version, yet the pinned hand-corrected set is what the
// SGO episode acts on and what its replay lane shows. Against the loopback Gemini server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRequest } from '../../main/api/schemas';
import type { Core } from '../../main/core';
import { reply, type GeminiServer } from '../fixtures/gemini-server';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

const TASK = 'sandbox/shop/sorted-category/0';
const OTHER_TASK = 'sandbox/shop/add-to-cart/0';
const HAND = ['The Shoes category is open', 'Sort By shows Price: High to Low', 'The listing is sorted high to low', 'A cross-check of the first price', 'The agent has stopped'];
let core: Core;
let server: GeminiServer;
let fixture: LlmCore;

beforeAll(async () => {
  fixture = await startLlmCore({ key: 'pinned-key-9012', model: 'gemini-2.5-pro', thinkingBudget: 'dynamic', llm: { cacheDir: false, timeoutMs: 10_000, retry: { sleep: async () => undefined } } });
  ({ core, server } = fixture);
});
afterAll(async () => {
  await fixture?.close();
});

/** Waits until a run started through the API has ended and returns its one episode. */
async function episodeOf(runId: string) {
  for (const deadline = Date.now() + 120_000; (await core.store.runs.get(runId))?.status === 'running';) {
    if (Date.now() > deadline) throw new Error(`run ${runId} did not end`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const [episode] = await core.store.episodes.list({ runId });
  return episode;
}

describe('a pinned subgoal version', () => {
  it('is what an SGO run and an SGO fork act on, even after a newer version was generated', { timeout: 240_000 }, async () => {
    const hand = await core.api.saveSubgoalSet(TASK, HAND.map((text) => ({ text })), 'hand-corrected');
    server.enqueue(reply.json({ subgoals: ['g1', 'g2', 'g3', 'g4'] }));
    const regenerated = await core.api.generateSubgoals(TASK);
    expect(regenerated.version).toBeGreaterThan(hand.version);
    expect((await core.api.listSubgoalSets(TASK))[0].id).toBe(regenerated.id); // "latest" is now the generated one

    server.enqueue(reply.text('```scroll [down]```'), reply.json({ done: false, evidence: 'listing not open' }), reply.text('```stop []```'), reply.json({ done: false, evidence: 'still not' }));
    const request = { taskIds: [TASK], policy: 'sgo', subgoalSetId: hand.id };
    validateRequest('startRun', [request]);
    const episode = await episodeOf((await core.api.startRun(request)).runId);
    expect(server.pending()).toBe(0);
    expect(episode).toMatchObject({ status: 'finished', stepCount: 2 });
    const detail = await core.api.getEpisode(episode.id);
    expect(detail.subgoals).toMatchObject({ id: hand.id, origin: 'hand', version: hand.version });
    expect(detail.subgoals!.items.map((i) => i.text)).toEqual(HAND);
    expect(detail.steps.map((s) => s.progress)).toEqual([[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]);
    // The run records the pin, so resuming it uses the same version.
    expect((await core.store.runs.get(episode.runId!))!.config.sgo).toEqual({ subgoalSetId: hand.id });

    // A fork of that episode with SGO and the pinned version: no subgoal generation, the hand set again.
    server.reset();
    // The AutoRater judges the replayed step too, then the new policy stops.
    server.enqueue(reply.json({ done: false, evidence: 'not yet' }), reply.text('```stop []```'), reply.json({ done: false, evidence: 'still not' }));
    const forkRequest = { episodeId: episode.id, fromStep: 1, policy: 'sgo', subgoalSetId: hand.id };
    validateRequest('forkEpisode', [forkRequest]);
    const forked = await episodeOf((await core.api.forkEpisode(forkRequest)).runId);
    expect(server.pending()).toBe(0);
    expect(forked).toMatchObject({ stopReason: 'agent_stop', forkedFrom: { episodeId: episode.id, step: 1 } });
    expect(server.requests.some((r) => r.body.generationConfig.responseSchema?.properties?.subgoals)).toBe(false);
    expect((await core.api.getEpisode(forked.id)).subgoals).toMatchObject({ id: hand.id });
  });

  it('a sandbox task that never ran lists its reference set as the current version', async () => {
    expect(await core.store.episodes.list({ taskId: OTHER_TASK })).toHaveLength(0);
    const [current, ...older] = await core.api.listSubgoalSets(OTHER_TASK);
    expect(older).toHaveLength(0);
    expect(current).toMatchObject({ taskId: OTHER_TASK, origin: 'reference', version: 1 });
    expect(current.items.map((i) => i.text)).toEqual(core.catalog!.get(OTHER_TASK)!.subgoals.map((s) => s.text));
    expect(await core.api.listSubgoalSets(OTHER_TASK)).toHaveLength(1); // listing again adds nothing
  });

  it('refuses a version of another task, an unknown id and a policy that is not judged by the AutoRater', async () => {
    const hand = (await core.api.listSubgoalSets(TASK)).find((s) => s.origin === 'hand')!;
    const runs = (await core.store.runs.list()).length;
    await expect(core.api.startRun({ taskIds: [OTHER_TASK], policy: 'sgo', subgoalSetId: hand.id })).rejects.toThrow(
      `Subgoal set ${hand.id} (v${hand.version}) belongs to task ${TASK}; a run with a pinned subgoal version runs that task only, not ${OTHER_TASK}.`,
    );
    await expect(core.api.startRun({ taskIds: [TASK], policy: 'react', subgoalSetId: 999_999 })).rejects.toThrow('There is no subgoal set with id 999999');
    await expect(core.api.startRun({ taskIds: [TASK], policy: 'oracle', subgoalSetId: hand.id })).rejects.toThrow(/judged by the AutoRater.*"oracle" is judged by the sandbox's reference predicates/);
    const [episode] = await core.store.episodes.list({ taskId: TASK });
    await expect(core.api.forkEpisode({ episodeId: episode.id, fromStep: 0, policy: 'do-nothing', subgoalSetId: hand.id })).rejects.toThrow(/subgoal versions apply to the LLM policies/);
    expect(await core.store.runs.list()).toHaveLength(runs);
    expect(() => validateRequest('startRun', [{ taskIds: [TASK], policy: 'sgo', subgoalSetId: 0 }])).toThrow(/subgoalSetId/);
  });

  it('"Preview rendered prompt" renders the draft being edited, not the saved version', async () => {
    const [episode] = await core.store.episodes.list({ taskId: TASK });
    const saved = await core.api.previewPrompt('policy-sgo', episode.id, 0);
    const draft = '[user]\nDRAFT for {{intent}} on {{url}}';
    const preview = await core.api.previewPrompt('policy-sgo', episode.id, 0, draft);
    const step = (await core.store.steps.list(episode.id))[0];
    expect(preview).toBe(`DRAFT for ${(await core.store.tasks.get(TASK))!.intent} on ${step.url}`);
    expect(saved).not.toContain('DRAFT');
    expect(() => validateRequest('previewPrompt', ['policy-sgo', episode.id, 0, draft])).not.toThrow();
    await expect(core.api.previewPrompt('policy-sgo', episode.id, 0, '[user]\n{{no_such_slot}}')).rejects.toThrow('{{no_such_slot}}');
  });
});
