import { afterAll, beforeAll, expect, it } from 'vitest';
import { GeminiProvider } from '../../main/llm/gemini';
import { LlmClient } from '../../main/llm/client';
import { analyzeRun } from '../../main/runs/analyze-run';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';
import { useCore } from '../helpers/use-core';

// Issue 6: with a provider configured, each failed episode's analysis carries a short LLM summary, written
// from the recorded facts (asserted on the request the loopback Gemini server received).
const core = useCore({ sandbox: { instancesPerFamily: 1 } });
let gemini: GeminiServer;
beforeAll(async () => {
  gemini = await startGeminiServer();
});
afterAll(async () => {
  await gemini?.close();
});

it('adds an LLM summary to each failed episode when a provider is configured', { timeout: 120_000 }, async () => {
  const task = core.catalog!.all().find((i) => i.family === 'shop/sorted-category')!;
  const { runId, done } = await core.run({ taskIds: [task.id], policy: 'wrong', seed: 2 });
  const [failed] = await done;
  gemini.enqueue(reply.text('The agent clicked two links and stopped without sorting the category, so the URL check failed.'));
  const client = new LlmClient({ provider: new GeminiProvider({ apiKey: 'test-key', baseUrl: gemini.url }) });
  const report = await analyzeRun(core.store, runId, { model: client, modelName: 'gemini-2.5-pro' });

  expect(report.analyses[failed.id].summary).toBe('The agent clicked two links and stopped without sorting the category, so the URL check failed.');
  expect((await core.api.getEpisode(failed.id)).episode.analysis?.summary).toContain('stopped without sorting');
  const sent = gemini.requests.at(-1)!;
  expect(sent.path).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
  const prompt = JSON.stringify(sent.body);
  expect(prompt).toContain(task.config.intent as string);
  expect(prompt).toContain('The evaluator judged the episode failed.');
  expect(prompt).toContain('wrong_termination');
});

it('writes the summary with the newest version of the analyzer prompt', { timeout: 120_000 }, async () => {
  const task = core.catalog!.all().find((i) => i.family === 'shop/sorted-category')!;
  const { runId } = await core.run({ taskIds: [task.id], policy: 'do-nothing', seed: 3 }).then(async (r) => ({ ...r, episodes: await r.done }));
  const edited = await core.api.savePrompt('analyzer', '[system]\nBe terse.\n\n[user]\nOne sentence on: {{intent}}\n{{verdict}}', 'terse');
  gemini.enqueue(reply.text('It did nothing.'));
  const client = new LlmClient({ provider: new GeminiProvider({ apiKey: 'test-key', baseUrl: gemini.url }) });
  await analyzeRun(core.store, runId, { model: client, modelName: 'gemini-2.5-pro', template: edited.text });
  const sent = gemini.requests.at(-1)!.body as { systemInstruction?: { parts: Array<{ text: string }> }; contents: Array<{ parts: Array<{ text: string }> }> };
  expect(sent.systemInstruction?.parts[0].text).toBe('Be terse.');
  expect(sent.contents[0].parts[0].text).toBe(`One sentence on: ${task.config.intent}\nThe evaluator judged the episode failed.`);
});
