// A run's LLM use, summed from its stored calls (calls, cache hits, failures, tokens of the calls sent, latency by
// purpose), through the API and printed by the CLI's `run` and `analyze`; and the failure summary of a core told
// to use the configured LLM: written when a provider is set up, recorded on its episode, kept on re-analysis.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../main/cli/args';
import { analyzeCommand } from '../../main/cli/analyze-command';
import { llmUsageLines } from '../../main/cli/llm-usage-text';
import { runCommand } from '../../main/cli/run-command';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { reply, startGeminiServer, type FixtureUsage, type GeminiServer, type RecordedRequest } from '../fixtures/gemini-server';
import { useGeminiServer } from '../fixtures/gemini-settings';
import { openTestCore, type TestCore } from '../helpers/use-core';

const KEY = 'usage-test-key-2468';
const TASK = 'sandbox/shop/sorted-category/0';
const SUMMARY = 'The agent stopped at once on the home page without sorting anything.';
type Kind = 'subgoals' | 'verdict' | 'analyzer' | 'policy';
const USAGE: Record<Kind, Required<FixtureUsage>> = {
  subgoals: { promptTokenCount: 1000, candidatesTokenCount: 100, thoughtsTokenCount: 10 },
  policy: { promptTokenCount: 200, candidatesTokenCount: 20, thoughtsTokenCount: 2 },
  verdict: { promptTokenCount: 50, candidatesTokenCount: 5, thoughtsTokenCount: 0 },
  analyzer: { promptTokenCount: 70, candidatesTokenCount: 7, thoughtsTokenCount: 0 },
};
let server: GeminiServer;
let core: TestCore;
let cacheDir: string;

const kindOf = (r: RecordedRequest): Kind => {
  if (String(r.body.systemInstruction?.parts?.[0]?.text ?? '').includes('You summarise web-agent episodes')) return 'analyzer';
  const schema = JSON.stringify(r.body.generationConfig?.responseSchema ?? r.body.generationConfig?.responseJsonSchema ?? '');
  return schema.includes('subgoals') ? 'subgoals' : schema.includes('evidence') ? 'verdict' : 'policy';
};
const answer = reply.dynamic((req) => {
  const kind = kindOf(req);
  const usage = USAGE[kind];
  if (kind === 'subgoals') return reply.json({ subgoals: ['The Shoes category page is open', 'The listing is sorted'] }, { usage });
  if (kind === 'verdict') return reply.json({ done: false, evidence: 'not yet' }, { usage });
  if (kind === 'analyzer') return reply.text(SUMMARY, { usage });
  return reply.text('Done: none. Current: stop.\n```stop [done]```', { usage });
});

/** Runs a CLI command in this process and returns what it printed. */
async function cli(command: (log: string[]) => Promise<number>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    return { code: await command(lines), lines };
  } finally {
    spy.mockRestore();
  }
}
const runLatest = async (argv: string[]) => {
  const printed = await cli(() => runCommand(parseArgs(argv), core));
  const runId = (await core.api.listRuns())[0].id;
  return { ...printed, runId };
};

beforeAll(async () => {
  server = await startGeminiServer({ apiKey: KEY });
  cacheDir = await mkdtemp(join(tmpdir(), 'mira-usage-cache-'));
  core = await openTestCore({
    sandbox: { instancesPerFamily: 1 }, secrets: new MemorySecretStore({}), summarizer: 'configured',
    llm: { cacheDir, timeoutMs: 10_000, retry: { sleep: async () => undefined } },
  });
});
afterAll(async () => {
  await core?.close();
  await server?.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('LLM usage of a run', () => {
  it('a core set to summarise with the configured LLM writes no summary while none is configured', { timeout: 120_000 }, async () => {
    const { code, lines, runId } = await runLatest(['run', '--policy', 'wrong', '--tasks', TASK, '--max-steps', '1']);
    expect(code).toBe(0);
    const [episode] = await core.api.listEpisodes({ runId });
    expect(episode.success).toBe(false);
    expect((await core.api.getEpisode(episode.id)).episode.analysis).toMatchObject({ category: expect.any(String) });
    expect((await core.api.getEpisode(episode.id)).episode.analysis?.summary).toBeUndefined();
    expect((await core.api.getRunLlmUsage(runId)).total.calls).toBe(0);
    expect(lines.some((l) => l.startsWith('LLM usage'))).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it('sums the calls of an LLM run by purpose, prints them after `run`, and records the failure summary', { timeout: 180_000 }, async () => {
    await useGeminiServer(core.api, server, KEY);
    server.enqueue(...Array.from({ length: 12 }, () => answer));
    const { code, lines, runId } = await runLatest(['run', '--policy', 'sgo', '--tasks', TASK, '--max-steps', '2', '--subgoal-count', '2']);
    expect(code).toBe(0);
    const [episode] = await core.api.listEpisodes({ runId });
    const calls = await core.inference.calls.list(episode.id);
    const sent = server.requests.map(kindOf);
    expect(sent.sort()).toEqual(['analyzer', 'policy', 'subgoals', 'verdict']);

    const usage = await core.api.getRunLlmUsage(runId);
    expect(usage.total).toMatchObject({ calls: calls.length, cachedCalls: 0, failedCalls: 0, inputTokens: 1320, outputTokens: 132, thinkingTokens: 12 });
    expect(usage.total.latencyP50Ms).toBeGreaterThan(0);
    expect(usage.total.latencyP95Ms).toBeGreaterThanOrEqual(usage.total.latencyP50Ms!);
    expect(Object.fromEntries(usage.byPurpose.map((p) => [p.purpose, [p.calls, p.inputTokens, p.outputTokens]]))).toEqual({
      subgoals: [1, 1000, 100], policy: [1, 200, 20], autorater: [1, 50, 5], analyzer: [1, 70, 7],
    });
    // `run` ends with the same numbers.
    const printed = llmUsageLines(usage);
    expect(printed).toHaveLength(5);
    expect(lines.slice(-5)).toEqual(printed);

    // The summary was written by the configured LLM through the recorder: stored on the episode's analysis and
    // as a call of that episode; opening the report (a re-analysis without a model) keeps it.
    const analyzer = calls.find((c) => c.purpose === 'analyzer')!;
    expect(analyzer).toMatchObject({ ok: true, t: null, model: 'gemini-2.5-pro' });
    expect(await core.api.getBlobText(analyzer.promptRef!)).toContain('Show me the Shoes products sorted by price');
    expect((await core.api.getEpisode(episode.id)).episode.analysis?.summary).toBe(SUMMARY);
    const report = await core.api.getRunReport(runId);
    expect(report.analyses[episode.id].summary).toBe(SUMMARY);
    expect((await core.api.getEpisode(episode.id)).episode.analysis?.summary).toBe(SUMMARY);
  });

  it('counts a rerun\'s cache hits apart, without their tokens, and `analyze` prints the same summary', { timeout: 180_000 }, async () => {
    server.reset();
    server.enqueue(...Array.from({ length: 12 }, () => answer));
    const { runId } = await runLatest(['run', '--policy', 'sgo', '--tasks', TASK, '--max-steps', '2', '--subgoal-count', '2']);
    const [episode] = await core.api.listEpisodes({ runId });
    const calls = await core.inference.calls.list(episode.id);
    const sent = server.requests.map(kindOf);
    const cached = calls.filter((c) => c.cached);
    // The judge and the planner call at temperature 0 with the same prompts as before: answered from the cache.
    expect(cached.length).toBeGreaterThan(0);
    expect(sent.length).toBe(calls.length - cached.length);

    const usage = await core.api.getRunLlmUsage(runId);
    const tokens = (key: keyof FixtureUsage) => sent.reduce((s, k) => s + USAGE[k][key], 0);
    expect(usage.total).toMatchObject({
      calls: calls.length, cachedCalls: cached.length, failedCalls: 0,
      inputTokens: tokens('promptTokenCount'), outputTokens: tokens('candidatesTokenCount'), thinkingTokens: tokens('thoughtsTokenCount'),
    });
    // The stored rows of the hits repeat the original tokens; a naive sum would count them twice.
    expect(calls.reduce((s, c) => s + c.inputTokens, 0)).toBeGreaterThan(usage.total.inputTokens);

    const { code, lines } = await cli(() => analyzeCommand(parseArgs(['analyze', runId]), core));
    expect(code).toBe(0);
    expect(lines.slice(-llmUsageLines(usage).length)).toEqual(llmUsageLines(usage));
    await expect(core.api.getRunLlmUsage('no-such-run')).rejects.toThrow('No run with id no-such-run.');
  });
});
