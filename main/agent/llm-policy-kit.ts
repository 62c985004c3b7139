// What the LLM policies (ReAct, SGO) share: filling a policy prompt from the step's input, calling the model
// through the recorder (so the call is linked to the step), and turning failures into what the episode loop
// understands. The model's own text, whatever it says, goes to the grammar, which counts a reply it cannot read
// as a parse failure (docs/design/WEBARENA.md §4, §4.5). A body that is not the provider's format (a proxy's
// HTML page) is the provider's fault, not the model's reply: like a provider that is down, times out,
// rate-limits past the retries or refuses the key it is an infrastructure failure (infra-failure.ts). A
// reply the provider ended early (a safety block, the token limit; kind 'incomplete') is no answer and no
// parse failure either: it ends the episode as a policy error that names the finish reason.
import type { PromptName } from '../api/inference-types';
import { grammarNamed, type GrammarName } from '../actions/grammars';
import { LlmError } from '../llm/errors';
import type { LlmRecorder } from '../llm/recorder';
import type { LlmPart, ThinkingBudget } from '../llm/types';
import type { PromptStore } from '../store/prompt-store';
import { clipObservation, historyText, type LoggedAction } from '../prompts/slot-text';
import { fitHomepage } from '../prompts/homepage';
import { promptText, renderTemplate } from '../prompts/template';
import { InfrastructureFailure, llmStopReason } from './infra-failure';
import type { ObservationFormat } from './observation-view';
import { PolicyError, type PolicyDecision, type PolicyInput } from './policy';

export interface LlmPolicyDeps {
  llm: LlmRecorder;
  prompts: PromptStore;
  model: string;
  thinkingBudget?: ThinkingBudget;
  episodeId: string;
  /** The grammar the chosen model writes (main/actions/grammars.ts). */
  grammar: GrammarName;
  observationFormat: ObservationFormat;
  /** The page listing every site of the run (WebArena's homepage), for tasks that span sites. */
  homepage?: string;
  /** A pinned version of the policy prompt (a fork trying another version); the latest when absent. */
  promptVersion?: number;
  signal?: AbortSignal;
}

/** The facts of one step a policy prompt is written from (from a live step, or a stored one for previews). */
export interface StepFacts {
  intent: string;
  t: number;
  url: string;
  observation: string;
  history: readonly LoggedAction[];
}

export function factsOf(input: PolicyInput): StepFacts {
  return { intent: input.intent, t: input.t, url: input.observation.url, observation: input.view?.text ?? input.observation.text, history: input.history };
}

/** The slots every policy prompt has. Without a homepage the slot is empty and its lines are left out
 * (main/prompts/homepage.ts). */
export function policySlots(facts: StepFacts, grammar: GrammarName, homepage = ''): Record<string, string> {
  return {
    intent: facts.intent,
    homepage,
    step: String(facts.t + 1),
    url: facts.url,
    observation: clipObservation(facts.observation),
    history: historyText(facts.history),
    actions: grammarNamed(grammar).describe(),
  };
}

export async function askPolicy(deps: LlmPolicyDeps, name: PromptName, slots: Record<string, string>, input: PolicyInput): Promise<PolicyDecision> {
  // versions() seeds the shipped default first, so a pinned version 1 exists even in a fresh store.
  const template = deps.promptVersion === undefined ? await deps.prompts.latest(name) : (await deps.prompts.versions(name)).find((v) => v.version === deps.promptVersion);
  if (!template) throw new PolicyError(`Prompt ${name} has no version ${deps.promptVersion}.`);
  const fitted = fitHomepage(template.text, slots);
  const rendered = renderTemplate(fitted.template, fitted.slots);
  const prompt = promptText(rendered);
  const parts: LlmPart[] = [{ text: rendered.user }];
  // Set-of-marks policies read the marked screenshot; the others read text only.
  if (deps.observationFormat === 'som' && input.view?.screenshot) parts.push({ imageJpegBase64: input.view.screenshot.toString('base64') });
  try {
    const { response } = await deps.llm.call(
      {
        model: deps.model,
        purpose: 'policy',
        system: rendered.system,
        messages: [{ role: 'user', parts }],
        thinkingBudget: deps.thinkingBudget,
        // No temperature: the policy samples, so the cache keeps each episode's step its own draw and never
        // serves one seed's reply to another (main/llm/cache.ts).
        draw: `${deps.episodeId}/${input.t}`,
        signal: deps.signal,
      },
      { episodeId: deps.episodeId, t: input.t },
    );
    return { reply: response.text, prompt };
  } catch (err) {
    if (err instanceof LlmError && err.kind === 'unparseable') return { reply: err.raw ?? '', prompt };
    const why = err instanceof Error ? err.message : String(err);
    // A provider that is down, refuses the key or rate-limits past the retries is not the agent's failure.
    const infra = llmStopReason(err);
    if (infra) throw new InfrastructureFailure(infra, `The policy model could not be used at step ${input.t + 1}: ${why}`, { cause: err });
    throw new PolicyError(`The policy model failed at step ${input.t + 1}: ${why}`);
  }
}
