// Subgoal generation (docs/design/MIRA.md §2.1): a teacher LLM turns the intent and the current page into K ordered,
// verifiable milestones, prompted with few-shot examples in seeded random order and answering in JSON under
// a response schema. Also used to re-plan (docs/design/MIRA.md §3.2): completed milestones are kept, the rest regenerated.
import type { SubgoalItem } from '../api/inference-types';
import type { LlmCallsRepo } from '../store/llm-calls-repo';
import type { CallLink, LlmRecorder } from '../llm/recorder';
import type { JsonSchema, ThinkingBudget } from '../llm/types';
import { renderFewShot, type FewShotExample } from '../prompts/few-shot';
import type { PromptStore } from '../store/prompt-store';
import { clipObservation } from '../prompts/slot-text';
import { renderTemplate } from '../prompts/template';
import { firstRepeat, milestoneText } from './milestone-text';
import { clipReplyText } from './reply-clip';

/** docs/design/MIRA.md §2.1: K = 4 in every example of the paper. */
export const DEFAULT_SUBGOAL_COUNT = 4;

export const SUBGOALS_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { subgoals: { type: 'array', items: { type: 'string' } } },
  required: ['subgoals'],
};

export interface GenerationDeps {
  llm: LlmRecorder;
  calls: LlmCallsRepo;
  prompts: PromptStore;
  fewShot: readonly FewShotExample[];
  model: string;
  thinkingBudget?: ThinkingBudget;
}

export interface GenerationInput {
  intent: string;
  url: string;
  observation: string;
  /** Milestones to write. */
  k: number;
  /** Already confirmed milestones (re-planning); empty on a first plan. */
  completed?: readonly string[];
  /** Orders the few-shot examples. */
  seed: number;
  link: CallLink;
  signal?: AbortSignal;
}

export interface GeneratedSubgoals {
  items: SubgoalItem[];
  promptId: number;
  model: string;
  callId: number;
}

/** A reply that is JSON but not K milestone strings; the call row is marked so the UI shows why. */
export class SubgoalGenerationError extends Error {
  constructor(message: string, readonly callId?: number) {
    super(message);
    this.name = 'SubgoalGenerationError';
  }
}

export async function generateSubgoals(deps: GenerationDeps, input: GenerationInput): Promise<GeneratedSubgoals> {
  const prompt = await deps.prompts.latest('subgoal-generation');
  const rendered = renderTemplate(prompt.text, {
    intent: input.intent,
    url: input.url,
    observation: clipObservation(input.observation),
    k: String(input.k),
    examples: renderFewShot(deps.fewShot, input.seed),
    completed: input.completed?.length ? input.completed.map((c, i) => `${i + 1}. ${c}`).join('; ') : '(none)',
  });
  const { response, callId } = await deps.llm.call(
    {
      model: deps.model,
      purpose: 'subgoals',
      system: rendered.system,
      messages: [{ role: 'user', parts: [{ text: rendered.user }] }],
      temperature: 0,
      thinkingBudget: deps.thinkingBudget,
      json: { schema: SUBGOALS_SCHEMA, name: 'subgoals' },
      // A reply of the wrong shape is not cached, so asking again reaches the model (main/llm/client.ts).
      acceptReply: (reply) => shapeProblem(reply.json, input.k, input.completed) === null,
      signal: input.signal,
    },
    input.link,
  );
  // A reply cut off or stopped by a filter never gets here: the client fails it as 'incomplete' (main/llm/client.ts).
  const problem = shapeProblem(response.json, input.k, input.completed);
  if (problem) {
    const message = `The subgoal reply is not ${input.k} milestones: ${problem}.`;
    await deps.calls.markFailed(callId, 'unparseable', message);
    throw new SubgoalGenerationError(message, callId);
  }
  // Nothing bounds a reply: a milestone is cut to what a saved subgoal may hold (reply-clip.ts).
  const texts = (response.json as { subgoals: string[] }).subgoals.map((s) => clipReplyText(milestoneText(s)));
  return { items: texts.map((text) => ({ text })), promptId: prompt.id, model: response.model, callId };
}

function shapeProblem(json: unknown, k: number, completed: readonly string[] = []): string | null {
  const list = (json as { subgoals?: unknown } | null)?.subgoals;
  if (!Array.isArray(list)) return 'no "subgoals" array';
  const bad = list.findIndex((s) => typeof s !== 'string' || !milestoneText(s));
  if (bad >= 0) return `milestone ${bad + 1} is ${typeof list[bad] === 'string' ? 'empty' : 'not a string'}`;
  if (list.length !== k) return `got ${list.length}`;
  // On a re-plan, one that repeats a confirmed milestone is a repeat too (docs/design/MIRA.md §3.2 keeps those verbatim).
  const repeat = firstRepeat(list as string[], completed);
  if (!repeat) return null;
  return `milestone ${repeat.index + 1} repeats ${repeat.ofCompleted ? 'completed ' : ''}milestone ${repeat.of + 1}`;
}
