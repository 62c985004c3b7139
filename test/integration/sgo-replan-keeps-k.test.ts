// Issue 21: an SGO re-plan on a hand-corrected 5-subgoal set (Settings say K = 4) keeps K = 5 and the
// confirmed milestones' text, records a new version that names the one it replaces, and the run report
// (heatmap included) renders. Against the loopback Gemini server (test/fixtures/gemini-server.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { reply, type GeminiServer, type RecordedRequest } from '../fixtures/gemini-server';
import { HAND_SUBGOALS as HAND, REPLANNED_SUBGOALS as REPLANNED, REPLAN_TASK as TASK, replanReplies } from '../fixtures/replan-scenario';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

let core: Core;
let server: GeminiServer;
let fixture: LlmCore;

beforeAll(async () => {
  fixture = await startLlmCore({ key: 'replan-key-5678', model: 'gemini-2.5-pro', thinkingBudget: 'dynamic', llm: { cacheDir: false, timeoutMs: 10_000, retry: { sleep: async () => undefined } } });
  ({ core, server } = fixture);
});
afterAll(async () => {
  await fixture?.close();
});

const userText = (r: RecordedRequest): string => r.body.contents[0].parts[0].text;

describe('an SGO re-plan on a hand-corrected set', () => {
  it('keeps K = 5 and the confirmed text, links the new version to the hand set, and the report renders', { timeout: 180_000 }, async () => {
    const hand = await core.api.saveSubgoalSet(TASK, HAND.map((text) => ({ text })), 'hand-corrected: five milestones');
    server.enqueue(...replanReplies());
    const { runId, done } = await core.run({ taskIds: [TASK], policy: 'sgo', sgo: { subgoalSource: 'latest', replanAfterSteps: 2 } });
    const [episode] = await done;
    expect(server.pending()).toBe(0);
    expect(episode).toMatchObject({ status: 'finished', stopReason: 'agent_stop' });

    const replan = server.requests.find((r) => r.body.generationConfig.responseSchema?.properties?.subgoals);
    expect(userText(replan!)).toContain('Write exactly 4 milestones');
    expect(userText(replan!)).toContain(`1. ${HAND[0]}`);

    const detail = await core.api.getEpisode(episode.id);
    expect(detail.steps.map((s) => s.progress)).toEqual([[1, 0, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0]]);
    // The lane's set: K = 5, the confirmed hand milestone verbatim, then the re-planned ones.
    expect(detail.subgoals!.items.map((i) => i.text)).toEqual([HAND[0], ...REPLANNED]);
    expect(detail.subgoals).toMatchObject({ origin: 'generated', version: hand.version + 1 });
    expect(detail.subgoals!.note).toBe(`re-planned from v${hand.version} (hand) at step 4 of episode ${episode.id}`);
    // The hand set itself is untouched.
    const versions = await core.api.listSubgoalSets(TASK);
    expect(versions.find((v) => v.id === hand.id)!.items.map((i) => i.text)).toEqual(HAND);
    // The Subgoals page marks the hand set as what new runs start from, not the newer re-plan (docs/design/MIRA.md §3.2).
    expect(versions.slice(0, 2).map((v) => [v.version, v.use])).toEqual([[hand.version + 1, 'replan'], [hand.version, 'current']]);

    // The plans it acted on, each from the step it took over at: the hand set for steps 1–3, the re-plan from step 4.
    const replay = await core.api.openReplay(episode.id, 0);
    expect(replay.plans.map((p) => [p.fromT, p.set.version])).toEqual([[0, hand.version], [3, hand.version + 1]]);
    // A preview of step 2's AutoRater call shows the milestone it judged then (the hand set's 2nd), not the
    // re-plan's rewrite of it; step 4's shows the re-planned one.
    expect(await core.api.previewPrompt('autorater', episode.id, 1)).toContain(`Milestone to judge: #2: ${HAND[1]}`);
    expect(await core.api.previewPrompt('autorater', episode.id, 3)).toContain(`Milestone to judge: #2: ${REPLANNED[0]}`);

    const report = await core.api.getRunReport(runId);
    expect(report.episodes).toBe(1);
    expect(report.heatmap).toMatchObject({ K: 5, maxT: 3 });
    expect(report.heatmap!.cells.map((row) => row[3])).toEqual([1, 0, 0, 0, 0]);

    // The next run's "latest" is not that episode's re-plan (its kept milestone was confirmed there, not in the
    // new episode) but the hand set it re-planned: the new episode starts with all five hand milestones pending.
    server.enqueue(reply.text('```stop []```'), reply.json({ done: false, evidence: 'not on the Shoes page' }));
    const next = await core.run({ taskIds: [TASK], policy: 'sgo', sgo: { subgoalSource: 'latest', replanAfterSteps: 2 } });
    const [second] = await next.done;
    expect(server.pending()).toBe(0);
    expect((await core.api.getEpisode(second.id)).subgoals).toMatchObject({ id: hand.id });
    expect(userText(server.requests.at(-1)!)).toContain(`Milestone to judge: #1: ${HAND[0]}`);
  });
});
