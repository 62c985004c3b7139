// A run sends the prompt versions it started with (policy, AutoRater, subgoal generation) to every step of every
// episode, resumed ones too, even when a new version is saved mid-run; the run records them, and previews of a
// stored step render what was sent — the AutoRater's from the facts the live judge had (after step t's action).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PromptName } from '../../main/api/inference-types';
import type { Core } from '../../main/core';
import { reply, type GeminiServer, type RecordedRequest } from '../fixtures/gemini-server';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

const KEY = 'prompt-pin-key-5678';
const TASK = 'sandbox/shop/sorted-category/0';
const MARK = 'EDITED-V2';
const STOP = { maxSteps: 2, maxParseFailures: 3, maxRepeatedActions: 5 };
const SGO = { subgoalCount: 2, autoraterScreenshot: false };
const PINNED: PromptName[] = ['policy-sgo', 'autorater', 'subgoal-generation'];
let core: Core;
let server: GeminiServer;
let fixture: LlmCore;

beforeAll(async () => {
  fixture = await startLlmCore({ key: KEY, model: 'gemini-2.5-pro', thinkingBudget: 'dynamic', llm: { cacheDir: false, timeoutMs: 10_000, retry: { sleep: async () => undefined } } });
  ({ core, server } = fixture);
});
afterAll(async () => {
  await fixture?.close();
});

const sentText = (r: RecordedRequest): string =>
  `${r.body.systemInstruction?.parts?.[0]?.text ?? ''}\n${r.body.contents[0].parts.map((p: { text?: string }) => p.text ?? '').join('\n')}`;
const kindOf = (r: RecordedRequest): 'subgoals' | 'verdict' | 'policy' => {
  const schema = JSON.stringify(r.body.generationConfig?.responseSchema ?? r.body.generationConfig?.responseJsonSchema ?? '');
  return schema.includes('subgoals') ? 'subgoals' : schema.includes('evidence') ? 'verdict' : 'policy';
};

/** Answers every request by its kind; `onPolicy` runs before the first policy reply. */
function scripted(onPolicy?: () => Promise<void>) {
  let first = true;
  return reply.dynamic(async (req) => {
    const kind = kindOf(req);
    if (kind === 'subgoals') return reply.json({ subgoals: ['The Shoes category page is open', 'The listing is sorted'] });
    if (kind === 'verdict') return reply.json({ done: false, evidence: 'not yet' });
    if (first && onPolicy) await onPolicy();
    first = false;
    return reply.text('Done: none. Current: 1. Next: 2.\n```scroll [down]```');
  });
}

async function saveEditedVersions(): Promise<void> {
  for (const name of PINNED) {
    const latest = (await core.api.listPromptVersions(name))[0];
    const edited = latest.text.replace('[user]\n', `[user]\n${MARK} `);
    expect(edited).toContain(MARK);
    await core.api.savePrompt(name, edited, 'saved mid-run');
  }
}

describe('prompt versions fixed per run', () => {
  let runId = '';

  it('keeps sending the versions a run started with after new ones are saved, and records them', { timeout: 240_000 }, async () => {
    const handler = scripted(saveEditedVersions);
    server.enqueue(...Array.from({ length: 30 }, () => handler));
    const started = await core.run({ taskIds: [TASK], policy: 'sgo', seedsPerTask: 2, scheduler: { concurrency: 1 }, stopRules: STOP, sgo: SGO });
    runId = started.runId;
    const episodes = await started.done;
    expect(episodes).toHaveLength(2);
    // The edits were saved during the first episode's first step; the second episode generated its subgoals after.
    expect((await core.api.listPromptVersions('autorater'))[0].version).toBe(2);
    const kinds = server.requests.map(kindOf);
    expect(kinds.filter((k) => k === 'subgoals')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'policy')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'verdict').length).toBeGreaterThanOrEqual(4);
    for (const r of server.requests) expect(sentText(r)).not.toContain(MARK);

    const run = (await core.store.runs.get(runId))!;
    expect(run.config).toMatchObject({ promptVersion: 1, promptVersions: { 'policy-sgo': 1, autorater: 1, 'subgoal-generation': 1 } });
    const listed = await core.api.listEpisodes({ runId });
    expect(listed.map((e) => e.promptVersion)).toEqual([1, 1]);
  });

  it('previews a stored step with the version the run sent, and the AutoRater with what its judge was sent', { timeout: 60_000 }, async () => {
    const listed = await core.api.listEpisodes({ runId });
    for (const { id } of listed) {
      const detail = await core.api.getEpisode(id);
      const calls = await core.inference.calls.list(id);
      for (const step of detail.steps) {
        expect(await core.api.previewPrompt('policy-sgo', id, step.t)).toBe(await core.api.getBlobText(step.promptRef!));
        const rater = calls.find((c) => c.purpose === 'autorater' && c.t === step.t)!;
        const sent = await core.api.getBlobText(rater.promptRef!);
        expect(sent).toContain('1. scroll [down]');
        expect(await core.api.previewPrompt('autorater', id, step.t)).toBe(sent);
      }
      const generation = calls.find((c) => c.purpose === 'subgoals')!;
      expect(await core.api.previewPrompt('subgoal-generation', id, 0)).toBe(await core.api.getBlobText(generation.promptRef!));
    }
    // Trying the AutoRater without an edit sends exactly what the run's judge sent at that step.
    const [first] = listed;
    const calls = await core.inference.calls.list(first.id);
    server.reset();
    server.enqueue(reply.json({ done: false, evidence: 'still not sorted' }));
    const trial = await core.api.tryAutoRater(first.id, 1, 0);
    expect(trial.prompt).toBe(await core.api.getBlobText(calls.find((c) => c.purpose === 'autorater' && c.t === 1)!.promptRef!));
  });

  it('a resumed run keeps its stored versions; a new run takes the newest', { timeout: 240_000 }, async () => {
    // A run whose process died before its episodes ran: resuming it sends version 1, not the newer version 2.
    const pinned = { policy: 'sgo', seed: 5, taskIds: [TASK], stopRules: { ...STOP, maxSteps: 1 }, sgo: SGO, promptVersion: 1, promptVersions: { 'policy-sgo': 1, autorater: 1, 'subgoal-generation': 1 } };
    await core.store.runs.create({ id: 'interrupted-run', kind: 'eval', config: pinned, status: 'interrupted', createdAt: new Date().toISOString() });
    server.reset();
    const handler = scripted();
    server.enqueue(...Array.from({ length: 10 }, () => handler));
    const resumed = await core.resume('interrupted-run');
    expect(await resumed.done).toHaveLength(1);
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    for (const r of server.requests) expect(sentText(r)).not.toContain(MARK);

    server.reset();
    server.enqueue(...Array.from({ length: 10 }, () => handler));
    const fresh = await core.run({ taskIds: [TASK], policy: 'sgo', seed: 9, stopRules: { ...STOP, maxSteps: 1 }, sgo: SGO });
    await fresh.done;
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    for (const r of server.requests) expect(sentText(r)).toContain(MARK);
    expect((await core.store.runs.get(fresh.runId))!.config).toMatchObject({ promptVersions: { 'policy-sgo': 2, autorater: 2, 'subgoal-generation': 2 } });
  });
});
