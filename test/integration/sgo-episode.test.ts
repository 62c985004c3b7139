// Issue 5 "Must show": an SGO episode on a sandbox task against the loopback Gemini server. Scripted replies
// generate the subgoals, choose the actions, and the AutoRater marks milestones; the stored progress vector
// per step, the verdicts (stored and streamed), the LLM call records and the exact requests are asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerdictRecord } from '../../main/api/inference-types';
import type { Core } from '../../main/core';
import { reply, type GeminiServer, type RecordedRequest } from '../fixtures/gemini-server';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

const KEY = 'sgo-test-key-1234';
const TASK = 'sandbox/shop/sorted-category/0';
const SUBGOALS = ['The Shoes category page is open', 'Sort By is set to Price: High to Low', 'The Shoes listing is sorted by price, high to low', 'The agent has stopped on the sorted listing'];
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

/** The text of a recorded request's user message. */
const userText = (r: RecordedRequest): string => r.body.contents[0].parts[0].text;
const systemText = (r: RecordedRequest): string => r.body.systemInstruction?.parts?.[0]?.text ?? '';

/** A policy reply acting on the element the current page shows with this role and name. */
function act(verb: string, role: string, name: string, extra = ''): ReturnType<typeof reply.dynamic> {
  return reply.dynamic((req) => {
    const m = new RegExp(`\\[(\\w+)\\] ${role} '${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`).exec(userText(req));
    if (!m) return reply.text(`I cannot find ${role} ${name}.`);
    return reply.text(`Done: see the list. Current: working on it. Next: the following milestone.\n\`\`\`${verb} [${m[1]}]${extra}\`\`\``);
  });
}
const verdict = (done: boolean, evidence: string) => reply.json({ done, evidence });

describe('an SGO episode against the loopback Gemini server', () => {
  it('generates subgoals, acts, lets the AutoRater mark milestones, and records everything', { timeout: 120_000 }, async () => {
    server.enqueue(
      reply.json({ subgoals: SUBGOALS }, { thought: 'planning', usage: { thoughtsTokenCount: 40 } }),
      act('click', 'link', 'Shoes'),
      verdict(true, 'URL is the Shoes category'), verdict(false, 'Sort By still shows Position'),
      act('select', 'combobox', 'Sort By', ' [Price: High to Low]'),
      verdict(true, 'Sort By shows Price: High to Low'), verdict(false, 'Sort not applied yet'),
      act('click', 'button', 'Sort'),
      verdict(true, 'URL has the sort parameter'), verdict(false, 'The agent has not stopped'),
      reply.text('Done: 1-3. Current: stop.\n```stop []```'),
      verdict(true, 'The agent stopped on the sorted listing'),
    );
    const live: VerdictRecord[] = [];
    const unsubscribe = core.events.subscribe((e) => e.event === 'verdict' && live.push(e.payload as VerdictRecord));
    const { done } = await core.run({ taskIds: [TASK], policy: 'sgo', llm: { thinkingBudget: 1024 } });
    const [episode] = await done;
    unsubscribe();

    expect(server.pending()).toBe(0);
    expect(episode).toMatchObject({ status: 'finished', stopReason: 'agent_stop', policy: 'sgo', success: true });
    const detail = await core.api.getEpisode(episode.id);
    // The progress vector only advances on an AutoRater yes, one milestone per step here.
    expect(detail.steps.map((s) => s.progress)).toEqual([[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]);
    expect(detail.steps.map((s) => s.action?.type)).toEqual(['click', 'select', 'click', 'stop']);
    expect(detail.subgoals).toMatchObject({ taskId: TASK, origin: 'generated', version: 1, promptName: 'subgoal-generation', promptVersion: 1, model: 'gemini-2.5-pro' });
    expect(detail.subgoals!.items.map((i) => i.text)).toEqual(SUBGOALS);

    const expected = [[0, 0, true], [0, 1, false], [1, 1, true], [1, 2, false], [2, 2, true], [2, 3, false], [3, 3, true]];
    expect(detail.verdicts.map((v) => [v.t, v.subgoalIndex, v.done])).toEqual(expected);
    expect(live.map((v) => [v.t, v.subgoalIndex, v.done])).toEqual(expected);
    expect(detail.verdicts.every((v) => v.judge === 'llm' && v.model === 'gemini-2.5-pro' && v.llmCallId !== null && v.evidence.length > 0)).toBe(true);

    // Every prompt and reply is stored and linked to its step.
    const calls = await core.inference.calls.list(episode.id);
    expect(calls.map((c) => [c.purpose, c.t])).toEqual([
      ['subgoals', 0], ['policy', 0], ['autorater', 0], ['autorater', 0], ['policy', 1], ['autorater', 1], ['autorater', 1],
      ['policy', 2], ['autorater', 2], ['autorater', 2], ['policy', 3], ['autorater', 3],
    ]);
    expect(calls.every((c) => c.ok && c.attempts === 1 && !c.cached && c.inputTokens > 0 && c.promptRef && c.responseRef)).toBe(true);
    expect(calls[0].thinkingTokens).toBe(40);
    expect(JSON.parse(await core.api.getBlobText(calls[0].responseRef!))).toEqual({ subgoals: SUBGOALS });
    expect(await core.api.getBlobText(detail.steps[0].promptRef!)).toContain(SUBGOALS[0]);

    // The exact requests: model, thinking budget from the run's selection, schema for JSON calls.
    const [gen, policy0, rater0] = server.requests;
    for (const r of server.requests) {
      expect(r.path).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
      expect(r.headers['x-goog-api-key']).toBe(KEY);
      expect(r.body.generationConfig.thinkingConfig).toEqual({ thinkingBudget: 1024 });
    }
    expect(gen.body.generationConfig).toEqual({
      temperature: 0,
      // The subgoal answer's room (2048) plus the thinking budget (main/llm/output-limits.ts).
      maxOutputTokens: 2048 + 1024,
      thinkingConfig: { thinkingBudget: 1024 },
      responseMimeType: 'application/json',
      responseSchema: { type: 'OBJECT', properties: { subgoals: { type: 'ARRAY', items: { type: 'STRING' } } }, required: ['subgoals'] },
    });
    expect(gen.body.contents).toHaveLength(1);
    expect(gen.body.contents[0].role).toBe('user');
    expect(userText(gen)).toContain('Task: Show me the Shoes products sorted by price from high to low.');
    expect(userText(gen)).toContain('Write exactly 4 milestones');
    expect(systemText(gen)).toMatch(/Example 1 \((shopping|shopping_admin|reddit|gitlab|map)\)/);
    expect(systemText(gen).match(/^Example \d+ /gm)).toHaveLength(10);

    // No temperature (the policy samples); a ceiling of the policy's answer room (4096) plus the thinking budget.
    expect(policy0.body.generationConfig).toEqual({ maxOutputTokens: 4096 + 1024, thinkingConfig: { thinkingBudget: 1024 } });
    expect(userText(policy0)).toContain(`1. [ ] ${SUBGOALS[0]}`);
    // WebArena's homepage line: the sandbox index lists every site (cross-site tasks start from it).
    expect(systemText(policy0)).toMatch(/check out the homepage at http:\/\/127\.0\.0\.1:\d+\/\. It has a list of websites/);
    expect(userText(policy0)).toContain(`Current: 1. ${SUBGOALS[0]}`);
    expect(systemText(policy0)).toContain('click [id]');
    const policy1 = server.requests[4];
    expect(userText(policy1)).toContain(`1. [x] ${SUBGOALS[0]}`);
    expect(userText(policy1)).toContain(`Current: 2. ${SUBGOALS[1]}`);

    expect(rater0.body.generationConfig).toEqual({
      temperature: 0,
      maxOutputTokens: 1024 + 1024,
      thinkingConfig: { thinkingBudget: 1024 },
      responseMimeType: 'application/json',
      responseSchema: { type: 'OBJECT', properties: { done: { type: 'BOOLEAN' }, evidence: { type: 'STRING' } }, required: ['done', 'evidence'] },
    });
    expect(userText(rater0)).toContain(`Milestone to judge: #1: ${SUBGOALS[0]}`);
    expect(userText(rater0)).toMatch(/1\. click \[\w+\]/);
    expect(rater0.body.contents[0].parts[1].inlineData.mimeType).toBe('image/jpeg');

    // The UI's prompt preview renders a stored step exactly as the policy sent it.
    const preview = await core.api.previewPrompt('policy-sgo', episode.id, 1);
    expect(preview).toBe(await core.api.getBlobText(detail.steps[1].promptRef!));
    // Trying the AutoRater with an edited prompt: the verdict comes back, nothing is stored as a verdict.
    server.reset();
    server.enqueue(verdict(true, 'Sorted high to low'));
    const trial = await core.api.tryAutoRater(episode.id, 2, 2, '[user]\nStrict check of "{{subgoal}}" at {{url}}');
    expect(trial.verdict).toMatchObject({ episodeId: episode.id, t: 2, subgoalIndex: 2, done: true, evidence: 'Sorted high to low', judge: 'llm' });
    expect(trial.prompt).toBe(`Strict check of "${SUBGOALS[2]}" at ${detail.steps[3].url}`);
    expect(userText(server.requests[0])).toBe(trial.prompt);
    expect(await core.api.listVerdicts(episode.id)).toHaveLength(expected.length);
  });

  it('re-plans the pending milestones when none completes within N steps', { timeout: 120_000 }, async () => {
    server.reset();
    const scroll = reply.text('Done: none. Current: 1. Next: 2.\n```scroll [down]```');
    server.enqueue(
      reply.json({ subgoals: ['A wrong page is open', 'Something else'] }),
      scroll, verdict(false, 'no'),
      scroll, verdict(false, 'still no'),
      reply.json({ subgoals: ['The store front is shown', 'The agent has stopped'] }),
      reply.text('```stop []```'), verdict(true, 'store front'), verdict(true, 'stopped'),
    );
    const { done } = await core.run({ taskIds: [TASK], policy: 'sgo', sgo: { subgoalCount: 2, replanAfterSteps: 2 } });
    const [episode] = await done;
    expect(server.pending()).toBe(0);
    const replan = server.requests[5];
    expect(userText(replan)).toContain('Write exactly 2 milestones');
    const detail = await core.api.getEpisode(episode.id);
    expect(detail.steps.map((s) => s.progress)).toEqual([[0, 0], [0, 0], [1, 1]]);
    expect(detail.subgoals!.items.map((i) => i.text)).toEqual(['The store front is shown', 'The agent has stopped']);
    expect(detail.subgoals!.note).toMatch(new RegExp(`^re-planned from v\\d+ \\(generated\\) at step 3 of episode ${episode.id}$`));
    const generated = (await core.api.listSubgoalSets(TASK)).filter((s) => s.origin === 'generated');
    expect(generated.length).toBeGreaterThanOrEqual(3);
    expect(generated[0].id).toBe(detail.subgoals!.id);
  });
});
