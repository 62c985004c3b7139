// "Regenerate with the teacher" (issue 5 subgoal generation, issue 8 Subgoals page): the task's intent and its
// start page go to the configured LLM with the subgoal-generation prompt and a JSON schema; the reply becomes
// a new 'generated' version of the task's subgoal set. A reply of the wrong shape adds no version.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { reply, type GeminiServer } from '../fixtures/gemini-server';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

const KEY = 'generate-test-key-42';
const TASK = 'sandbox/shop/sorted-category/0';
let core: Core;
let server: GeminiServer;
let fixture: LlmCore;

beforeAll(async () => {
  fixture = await startLlmCore({ key: KEY, model: 'gemini-2.5-flash', thinkingBudget: 'dynamic', llm: { cacheDir: false, timeoutMs: 10_000, retry: { sleep: async () => undefined } } });
  ({ core, server } = fixture);
});
afterAll(async () => {
  await fixture?.close();
});

it('generates a new subgoal version from the intent and the start page', { timeout: 120_000 }, async () => {
  const milestones = ['Open the category', 'Choose the sort order', 'Apply the sort', 'Stop on the sorted listing'];
  server.enqueue(reply.json({ subgoals: milestones }));
  const set = await core.api.generateSubgoals(TASK);
  expect(set).toMatchObject({ taskId: TASK, version: 1, origin: 'generated', model: 'gemini-2.5-flash', promptName: 'subgoal-generation' });
  expect(set.items.map((i) => i.text)).toEqual(milestones);

  const sent = server.requests.at(-1)!;
  expect(sent.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
  const user = sent.body.contents[0].parts[0].text as string;
  const intent = core.catalog!.get(TASK)!.config.intent as string;
  expect(user).toContain(intent);
  // The start page was really observed: the shop's home page heading is in the observation.
  expect(user).toContain('One Stop Market');
  expect(sent.body.generationConfig.responseMimeType).toBe('application/json');
  expect(sent.body.generationConfig.responseSchema.required).toEqual(['subgoals']);
  expect((await core.api.listSubgoalSets(TASK)).map((s) => s.version)).toEqual([1]);
});

it('refuses a reply of the wrong shape with a clear error and keeps the versions as they were', { timeout: 120_000 }, async () => {
  server.enqueue(reply.json({ milestones: ['not the schema'] }));
  await expect(core.api.generateSubgoals(TASK)).rejects.toThrow(/subgoal/i);
  expect((await core.api.listSubgoalSets(TASK)).map((s) => s.version)).toEqual([1]);
});

it('takes the list markers and bold a model adds off the milestones, since the prompts number them again', { timeout: 120_000 }, async () => {
  server.enqueue(reply.json({ subgoals: ['1. **Open** the Shoes category', '2) Choose Price: High to Low', '- The listing is sorted', '• Stop on 3.5 stars'] }));
  const set = await core.api.generateSubgoals(TASK);
  expect(set.items.map((i) => i.text)).toEqual(['Open the Shoes category', 'Choose Price: High to Low', 'The listing is sorted', 'Stop on 3.5 stars']);
});

it('gives back the generated version a reply repeats instead of storing a copy of it', { timeout: 120_000 }, async () => {
  const versions = await core.api.listSubgoalSets(TASK);
  const newest = versions[0];
  server.enqueue(reply.json({ subgoals: newest.items.map((i) => i.text) }));
  // The listing adds what new runs do with each version (`use`); the version itself is the same.
  expect(await core.api.generateSubgoals(TASK)).toEqual({ ...newest, use: undefined });
  expect(await core.api.listSubgoalSets(TASK)).toHaveLength(versions.length);
});

it('refuses a reply that repeats a milestone or has a blank one, saying which, and adds no version', { timeout: 120_000 }, async () => {
  const before = (await core.api.listSubgoalSets(TASK)).length;
  server.enqueue(reply.json({ subgoals: ['Open the category', 'Sort by price', '2. open the category.', 'Stop'] }));
  await expect(core.api.generateSubgoals(TASK)).rejects.toThrow('The subgoal reply is not 4 milestones: milestone 3 repeats milestone 1.');
  server.enqueue(reply.json({ subgoals: ['Open the category', '  ', 'Sort', 'Stop'] }));
  await expect(core.api.generateSubgoals(TASK)).rejects.toThrow('The subgoal reply is not 4 milestones: milestone 2 is empty.');
  expect(await core.api.listSubgoalSets(TASK)).toHaveLength(before);
});
