// Issue 20 "MiniWoB++ as its users run it": the per-seed instruction is stored on the episode and used wherever
// the intent is — the policy prompt (without a homepage line: MiniWoB++ has none), subgoal generation, the
// AutoRater, the subgoal set a later episode of the same seed is judged against, the analyzer, the lists and
// the training export.
// Runs the real LLM policies against the loopback Gemini server on the fixture MiniWoB++ page.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LlmRequest, LlmResponse } from '../../main/llm/types';
import { analyzeRun } from '../../main/runs/analyze-run';
import { exportRun } from '../../main/training/export/export-run';
import { reply, type GeminiServer, type RecordedRequest } from '../fixtures/gemini-server';
import type { TestCore } from '../helpers/use-core';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

const FIXTURE = join(import.meta.dirname, '../fixtures/miniwob');
const TASK = 'miniwob/click-fixture';
const KEY = 'miniwob-instruction-key';
const INSTRUCTION = /^Click on the "\w+" button\.$/;

let llm: LlmCore;
let core: TestCore;
let server: GeminiServer;

beforeAll(async () => {
  llm = await startLlmCore({
    key: KEY,
    model: 'gemini-2.5-pro',
    thinkingBudget: 'dynamic',
    tasks: { sandbox: false, miniwob: { dir: FIXTURE, successRule: 'browsergym' } },
    llm: { cacheDir: false, timeoutMs: 10_000, retry: { sleep: async () => undefined } },
  });
  ({ core, server } = llm);
}, 120_000);

afterAll(async () => {
  await llm?.close();
});

const userText = (r: RecordedRequest): string => r.body.contents[0].parts[0].text;
const systemText = (r: RecordedRequest): string => r.body.systemInstruction?.parts?.[0]?.text ?? '';
const fullText = (r: RecordedRequest): string => `${systemText(r)}\n${userText(r)}`;

/** The policy's reply: click the button the prompt's own instruction names (so a prompt without the seed's
 * instruction clicks nothing and fails the episode). */
const clickNamed = () =>
  reply.dynamic((req) => {
    const text = userText(req);
    const target = /Task: Click on the "(\w+)" button\./.exec(text)?.[1];
    const id = target ? new RegExp(`\\[(\\w+)\\] button '${target}'`).exec(text)?.[1] : undefined;
    return reply.text(id ? `The task names ${target}.\n\`\`\`click [${id}]\`\`\`` : 'The prompt names no button.\n```stop [none]```');
  });

describe('the per-seed MiniWoB++ instruction', () => {
  it('is stored on each episode, differs per seed, and is the prompt\'s task (with no homepage line)', { timeout: 240_000 }, async () => {
    server.reset();
    server.enqueue(clickNamed(), clickNamed(), clickNamed());
    const { runId, done } = await core.run({ taskIds: [TASK], policy: 'react', seed: 11, seedsPerTask: 3 });
    const episodes = (await done).sort((a, b) => a.seed - b.seed);

    expect(episodes.map((e) => [e.seed, e.status, e.success, e.stopReason])).toEqual([
      [11, 'finished', true, 'task_done'], [12, 'finished', true, 'task_done'], [13, 'finished', true, 'task_done'],
    ]);
    const instructions = episodes.map((e) => e.instruction);
    for (const text of instructions) expect(text).toMatch(INSTRUCTION);
    expect(new Set(instructions).size).toBeGreaterThan(1);
    const task = (await core.store.tasks.get(TASK))!;
    expect(instructions).not.toContain(task.intent);

    // Each episode's prompt carries its own stored instruction, never the task's name-only intent or a
    // placeholder homepage.
    for (const episode of episodes) {
      const [step] = (await core.api.getEpisode(episode.id)).steps;
      const prompt = await core.api.getBlobText(step.promptRef!);
      expect(prompt).toContain(`Task: ${episode.instruction}`);
      expect(prompt).not.toContain(task.intent);
      expect(prompt).not.toMatch(/homepage|__HOMEPAGE__/i);
    }
    expect(server.requests.map(fullText).every((t) => !/homepage/i.test(t))).toBe(true);

    // The lists show (and search) the episode's instruction.
    const summaries = await core.api.listEpisodes({ runId });
    expect(new Map(summaries.map((s) => [s.id, s.intent]))).toEqual(new Map(episodes.map((e) => [e.id, e.instruction])));
    const page = await core.api.listEpisodePage({ runId });
    expect(new Map(page.rows.map((r) => [r.id, r.intent]))).toEqual(new Map(episodes.map((e) => [e.id, e.instruction])));
    const word = /"(\w+)"/.exec(episodes[0].instruction!)![1];
    const found = await core.api.listEpisodes({ runId, search: `"${word}" button` });
    expect(found.map((s) => s.id)).toContain(episodes[0].id);
    expect(found.every((s) => s.intent.includes(`"${word}"`))).toBe(true);

    // A preview of the stored step's policy prompt is written from the same instruction.
    const preview = await core.api.previewPrompt('policy-react', episodes[1].id, 0);
    expect(preview).toContain(`Task: ${episodes[1].instruction}`);
    expect(preview).not.toMatch(/homepage/i);

    // The training export's task text is the episode's instruction too.
    const lines: { episode_id: string; task: string }[] = [];
    for await (const line of exportRun(core.store, runId, { format: 'mira', onSkip: () => undefined })) lines.push(JSON.parse(line));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.task).toBe(episodes.find((e) => e.id === line.episode_id)!.instruction);
  });

  it('drives subgoal generation and the AutoRater, and a later episode of the same seed only reuses that seed\'s set', { timeout: 240_000 }, async () => {
    server.reset();
    const sgo = { subgoalCount: 1, autoraterScreenshot: false };
    server.enqueue(reply.json({ subgoals: ['The named button has been clicked'] }), clickNamed(), reply.json({ done: true, evidence: 'the page ended the episode' }));
    const [sgoEpisode] = await (await core.run({ taskIds: [TASK], policy: 'sgo', seed: 21, sgo })).done;
    expect(sgoEpisode).toMatchObject({ seed: 21, status: 'finished', success: true });
    const [generation, policyCall, autorater] = server.requests.map(fullText);
    for (const text of [generation, policyCall, autorater]) expect(text).toContain(sgoEpisode.instruction!);
    const generated = (await core.api.getEpisode(sgoEpisode.id)).subgoals!;
    expect(generated).toMatchObject({ taskId: TASK, origin: 'generated' });

    // ReAct is judged against the newest set made for its own seed: seed 21 gets the set generated above,
    // seed 22 (another instruction) gets none rather than a set written for seed 21's goal.
    server.reset();
    server.enqueue(clickNamed(), reply.json({ done: true, evidence: 'clicked' }));
    const [same] = await (await core.run({ taskIds: [TASK], policy: 'react', seed: 21, sgo })).done;
    expect(same.instruction).toBe(sgoEpisode.instruction);
    expect((await core.api.getEpisode(same.id)).subgoals?.id).toBe(generated.id);
    expect(fullText(server.requests[1])).toContain(same.instruction!); // the AutoRater's call

    server.reset();
    server.enqueue(clickNamed());
    const [other] = await (await core.run({ taskIds: [TASK], policy: 'react', seed: 22, sgo })).done;
    expect(other.instruction).toMatch(INSTRUCTION);
    expect(other.instruction).not.toBe(sgoEpisode.instruction);
    expect((await core.api.getEpisode(other.id)).subgoals).toBeNull();
    expect(server.requests).toHaveLength(1); // no AutoRater call against another seed's milestones
  });

  it('is the task the analyzer\'s summary is written from', { timeout: 240_000 }, async () => {
    server.reset();
    // A policy that stops at once fails the episode, so the analyzer summarises it.
    server.enqueue(reply.text('Nothing to do.\n```stop [done]```'));
    const { runId, done } = await core.run({ taskIds: [TASK], policy: 'react', seed: 31 });
    const [episode] = await done;
    expect(episode).toMatchObject({ status: 'finished', success: false, stopReason: 'agent_stop' });
    const asked: LlmRequest[] = [];
    const model = {
      async generate(request: LlmRequest): Promise<LlmResponse> {
        asked.push(request);
        return { text: 'It stopped without clicking.', usage: { inputTokens: 1, outputTokens: 1, thinkingTokens: 0 }, latencyMs: 1, attempts: 1, cached: false, model: 'm', provider: 'test' };
      },
    };
    const report = await analyzeRun(core.store, runId, { model, modelName: 'm' });
    expect(report.analyses[episode.id]?.summary).toBe('It stopped without clicking.');
    expect(asked).toHaveLength(1);
    expect(JSON.stringify(asked[0].messages)).toContain(`Task: ${episode.instruction!.replace(/"/g, '\\"')}`);
  });
});
