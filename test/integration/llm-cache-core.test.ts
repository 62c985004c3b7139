// The response cache through the whole core (audit of the LLM paths): pass@k needs k samples, so every seed
// of an LLM policy run asks the model itself instead of being served seed 0's sampled replies; and a subgoal
// reply of the wrong shape is not cached, so "Generate" asked again after the server is fixed gets the fix.
// The client-level rules are in llm-cache-hygiene.test.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../fixtures/gemini-server';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

const KEY = 'seeds-key-3141';
const TASK = 'sandbox/shop/sorted-category/0';
let fixture: LlmCore;
let cacheDir: string;

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'mira-seeds-cache-'));
  fixture = await startLlmCore({ key: KEY, model: 'gemini-2.5-flash', thinkingBudget: 256, llm: { cacheDir, timeoutMs: 5000, retry: { maxAttempts: 1 } } });
});
afterAll(async () => {
  await fixture?.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('seeds of an LLM policy run', () => {
  it('every seed asks the model on every step; none is served another seed\'s sample', async () => {
    const { core, server } = fixture;
    let n = 0;
    const sample = reply.dynamic(() => reply.text(`Sample ${++n}: looking further down.\n\`\`\`scroll [down]\`\`\``));
    server.enqueue(...Array.from({ length: 6 }, () => sample));
    const { done } = await core.run({ taskIds: [TASK], policy: 'react', seedsPerTask: 3, stopRules: { maxSteps: 2, maxParseFailures: 3, maxRepeatedActions: 5 } });
    const episodes = await done;
    expect(episodes).toHaveLength(3);
    const calls = (await Promise.all(episodes.map((e) => core.inference.calls.list(e.id)))).flat();
    expect(calls).toHaveLength(6);
    expect(calls.map((c) => [c.purpose, c.cached, c.attempts])).toEqual(Array.from({ length: 6 }, () => ['policy', false, 1]));
    expect(server.requests).toHaveLength(6);
    // Six distinct samples were drawn, one per episode step.
    const replies = await Promise.all(calls.map((c) => core.api.getBlobText(c.responseRef!)));
    expect(new Set(replies).size).toBe(6);
  });
});

describe('subgoal generation with the cache on', () => {
  it('a wrong-shape reply fails once; asked again, the fixed reply is used (and then cached)', async () => {
    const { core, server } = fixture;
    server.reset();
    const task = 'sandbox/admin/count-orders/0';
    server.enqueue(reply.json({ milestones: 'not the schema' }), reply.json({ subgoals: ['Open Orders', 'Filter by status', 'Count the rows', 'Answer the count'] }));
    await expect(core.api.generateSubgoals(task)).rejects.toThrow(/not 4 milestones: no "subgoals" array/);
    const fixed = await core.api.generateSubgoals(task);
    expect(fixed.items.map((i) => i.text)).toEqual(['Open Orders', 'Filter by status', 'Count the rows', 'Answer the count']);
    const again = await core.api.generateSubgoals(task);
    expect(again.items.map((i) => i.text)).toEqual(fixed.items.map((i) => i.text));
    expect(server.requests).toHaveLength(2);
  });
});
