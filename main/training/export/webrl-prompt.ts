// WebRL's prompt layout and returns, as its data pipeline builds them (THUDM/WebRL scripts/process_data.py,
// VisualAgentBench's WebRL prompt constructor; facts only): `Task Instruction: <intent>` then one
// `Round i` block per step with Llama-3 header tokens inline; past rounds show the intent (round 0) or a
// placeholder instead of their page; the current page is cut so the prompt stays within 16384 − 512
// characters; mc_return_t = Σ_{k≥t} γ^{k−t}·r_k with every r_k the trajectory's score.

/** What VAB writes as a past round's page: the intent for round 0, this placeholder after. */
export const WEBRL_PAST_PAGE = '** Simplified html **';
/** The trainer's and process_data's γ (WebRL's config default and its add_mc_return call). */
export const WEBRL_TRAINER_GAMMA = 0.9;
const PROMPT_BUDGET = 16384 - 512;
const USER = '<|eot_id|><|start_header_id|>user<|end_header_id|>\n';
const ASSISTANT = '<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n';

export interface WebRlRound {
  /** VAB's per-round `prompt`: the intent on round 0, the placeholder after. */
  prompt: string;
  /** The model's reply (VAB's `response`, the trainer's `action`). */
  response: string;
}

export function roundPrompt(index: number, intent: string): string {
  return index === 0 ? intent : WEBRL_PAST_PAGE;
}

/** The prompt of round `past.length`: the history of earlier rounds, then the current page. Lengths count
 * code points, as Python's len does; a history already over budget cuts the page from its end (Python's
 * negative slice), the same as the pipeline does. */
export function webrlPrompt(intent: string, past: readonly WebRlRound[], html: string): string {
  const history = past.map((r, i) => `Round ${i}\n\n${USER}${r.prompt}\n\n${ASSISTANT}${r.response}\n\n`).join('');
  const historyLength = [...history].length;
  const chars = [...html];
  const page = historyLength + chars.length > PROMPT_BUDGET ? chars.slice(0, PROMPT_BUDGET - historyLength).join('') : html;
  return `Task Instruction: ${intent}\n\n${history}Round ${past.length}\n\n${USER}${page}\n\n${ASSISTANT}`;
}

/** mc_return_t = Σ_{k≥t} γ^{k−t}·r_k. */
export function mcReturns(rewards: readonly number[], gamma: number): number[] {
  const out = new Array<number>(rewards.length);
  let next = 0;
  for (let t = rewards.length - 1; t >= 0; t--) out[t] = next = rewards[t] + gamma * next;
  return out;
}
