// The LLM half of the AutoRater (docs/design/MIRA.md §2, §3): is milestone k done, judged from the action log and the
// current page (text and screenshot), answered as {done, evidence} under a JSON schema. An unusable reply is
// a "not done" verdict that says why: the progress vector never advances on anything but a clear yes.
import type { SubgoalItem } from '../api/inference-types';
import { LlmError } from '../llm/errors';
import type { LlmCallsRepo } from '../store/llm-calls-repo';
import type { CallLink, LlmRecorder } from '../llm/recorder';
import type { JsonSchema, LlmPart, ThinkingBudget } from '../llm/types';
import { clipObservation, historyText, subgoalList, type LoggedAction } from '../prompts/slot-text';
import { promptText, renderTemplate } from '../prompts/template';

export const VERDICT_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { done: { type: 'boolean' }, evidence: { type: 'string' } },
  required: ['done', 'evidence'],
};

export interface JudgeDeps {
  llm: LlmRecorder;
  calls: LlmCallsRepo;
  model: string;
  thinkingBudget?: ThinkingBudget;
  /** Attach the screenshot (docs/design/MIRA.md §3.1 judges from "the current screenshot/observation"). */
  screenshot: boolean;
}

export interface JudgeInput {
  template: string;
  intent: string;
  items: readonly SubgoalItem[];
  index: number;
  history: readonly LoggedAction[];
  url: string;
  observation: string;
  screenshot?: Buffer;
  link: CallLink;
  purpose?: string;
}

export interface LlmJudgement {
  done: boolean;
  evidence: string;
  model: string;
  callId: number | null;
  latencyMs: number;
  prompt: string;
  response: string;
}

export async function judgeWithLlm(deps: JudgeDeps, input: JudgeInput): Promise<LlmJudgement> {
  const rendered = renderTemplate(input.template, {
    intent: input.intent,
    subgoals: subgoalList(input.items),
    index: String(input.index + 1),
    subgoal: input.items[input.index].text,
    history: historyText(input.history),
    url: input.url,
    observation: clipObservation(input.observation),
  });
  const parts: LlmPart[] = [{ text: rendered.user }];
  if (deps.screenshot && input.screenshot) parts.push({ imageJpegBase64: input.screenshot.toString('base64') });
  const prompt = promptText(rendered);
  const started = performance.now();
  try {
    const { response, callId } = await deps.llm.call(
      {
        model: deps.model,
        purpose: input.purpose ?? 'autorater',
        system: rendered.system,
        messages: [{ role: 'user', parts }],
        temperature: 0,
        thinkingBudget: deps.thinkingBudget,
        json: { schema: VERDICT_SCHEMA, name: 'verdict' },
      },
      input.link,
    );
    const json = response.json as { done?: unknown; evidence?: unknown } | null;
    const base = { model: response.model, callId, latencyMs: response.latencyMs, prompt, response: response.text };
    if (typeof json?.done !== 'boolean') {
      const why = 'The AutoRater reply has no boolean "done"; counted as not done.';
      await deps.calls.markFailed(callId, 'unparseable', why);
      return { ...base, done: false, evidence: why };
    }
    return { ...base, done: json.done, evidence: typeof json.evidence === 'string' ? json.evidence : '' };
  } catch (err) {
    if (!(err instanceof LlmError)) throw err;
    return {
      done: false,
      evidence: `AutoRater call failed (${err.kind}): ${err.message}; counted as not done.`,
      model: deps.model,
      callId: null,
      latencyMs: performance.now() - started,
      prompt,
      response: err.raw ?? '',
    };
  }
}
