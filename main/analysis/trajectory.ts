// The minimal episode shape the failure analyzer and the metrics read (docs/design/MIRA.md §1, §2, §5), plus canonical
// keys for comparing actions and pages. Pure: no store, no browser. Build one from stored records with
// `toAnalyzedEpisode`.

import type { Action, EpisodeRecord, StepRecord, StopReason } from '../api/types';

export interface AnalyzedStep {
  /** Step index as stored (0-based in the episode loop). */
  t: number;
  /** URL of the page the action was chosen on (the observation's URL). */
  url: string;
  /** Normalised action; null when the reply did not parse. */
  action: Action | null;
  /** Raw action text as the policy wrote it (for explanations only; never compared). */
  actionText: string;
}

export interface AnalyzedEpisode {
  taskId: string;
  /** The episode's own instruction where its task draws one per seed (MiniWoB++: "Click on the "Submit"
   * button."); absent when it was the task's intent. Two episodes of one task with different instructions
   * solve different instances, so neither is a reference for the other's choices. */
  instruction?: string;
  site?: string;
  success: boolean;
  stopReason: StopReason | null;
  answer: string | null;
  steps: AnalyzedStep[];
  /** progress[i] = subgoal vector z ∈ {0,1}^K recorded at steps[i] (docs/design/MIRA.md §3). Absent when the policy kept
   * no subgoals. */
  progress?: number[][];
  /** values[i] = V(s) before steps[i]'s action, from the value critic (docs/design/MIRA.md §4.2): recorded by a
   * local policy, or fitted on the run afterwards (issue 17). Absent when there is none. */
  values?: number[];
}

/** Collapse runs of whitespace and trim, so "a  b " and "a b" compare equal. Case is kept. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Canonical string for comparing two actions: the type plus every argument that changes what the action does,
 * in a fixed order. Text is whitespace-normalised (case kept: typing "Foo" is not typing "foo"); `type`'s
 * pressEnter defaults to true as in WebArena, so `type [3] [x]` and `type [3] [x] [1]` compare equal.
 * A null action (unparseable reply) gets the key "(unparsed)"; loop detection never treats those as repeats.
 */
export function actionKey(action: Action | null): string {
  if (action === null) return '(unparsed)';
  const parts: string[] = [action.type];
  if (action.elementId !== undefined) parts.push(`id=${action.elementId}`);
  if (action.text !== undefined) parts.push(`text=${JSON.stringify(squash(action.text))}`);
  if (action.type === 'type') parts.push(`enter=${action.pressEnter === false ? 0 : 1}`);
  if (action.key !== undefined) parts.push(`key=${action.key}`);
  if (action.direction !== undefined) parts.push(`dir=${action.direction}`);
  if (action.url !== undefined) parts.push(`url=${action.url.trim()}`);
  if (action.tabIndex !== undefined) parts.push(`tab=${action.tabIndex}`);
  return parts.join(' ');
}

/**
 * The page a URL names, for aligning trajectories: the path only, without origin, query or fragment, and
 * without a trailing slash. The origin is dropped because sandbox sites may get a different port per episode;
 * the query is dropped so that two visits of the same page with different parameters align (the typed query
 * itself is compared through the action). Non-URL strings (e.g. "about:blank") are returned trimmed.
 */
export function urlPath(url: string): string {
  let path: string;
  try {
    const parsed = new URL(url);
    path = parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.pathname : `${parsed.protocol}${parsed.pathname}`;
  } catch {
    path = url.trim().split(/[?#]/)[0];
  }
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** A short human-readable label for explanations: the raw text if any, else the canonical key. */
export function actionLabel(step: AnalyzedStep): string {
  return squash(step.actionText) || actionKey(step.action);
}

/** Checks the shape every analysis function relies on; throws naming the function and the offending field. */
export function assertAnalyzedEpisode(fn: string, ep: AnalyzedEpisode): void {
  if (ep === null || typeof ep !== 'object') throw new Error(`${fn}: episode must be an object`);
  if (typeof ep.taskId !== 'string' || ep.taskId === '') throw new Error(`${fn}: episode.taskId must be a non-empty string`);
  if (typeof ep.success !== 'boolean') {
    throw new Error(`${fn}: episode ${ep.taskId} has success = ${String(ep.success)}; it must be evaluated (true or false)`);
  }
  if (!Array.isArray(ep.steps)) throw new Error(`${fn}: episode ${ep.taskId} steps must be an array`);
  ep.steps.forEach((s, i) => {
    if (!Number.isInteger(s.t) || s.t < 0) throw new Error(`${fn}: episode ${ep.taskId} steps[${i}].t = ${String(s.t)} must be an integer >= 0`);
    if (i > 0 && s.t <= ep.steps[i - 1].t) {
      throw new Error(`${fn}: episode ${ep.taskId} step t must be strictly increasing, got ${ep.steps[i - 1].t} then ${s.t}`);
    }
    if (typeof s.url !== 'string') throw new Error(`${fn}: episode ${ep.taskId} steps[${i}].url must be a string`);
  });
  if (ep.progress !== undefined && !Array.isArray(ep.progress)) throw new Error(`${fn}: episode ${ep.taskId} progress must be an array`);
  if (ep.values !== undefined && (!Array.isArray(ep.values) || ep.values.length !== ep.steps.length || ep.values.some((v) => !Number.isFinite(v)))) {
    throw new Error(`${fn}: episode ${ep.taskId} values must hold one finite V per step (${ep.steps.length})`);
  }
}

/**
 * Whether an episode counts in a success rate (docs/design/MIRA.md §5): it reached an ending of its own and was scored.
 * Infrastructure failures (status 'error': the LLM was down, the checkpoint did not load, the disk was full),
 * cancelled or killed episodes and unscored ones are left out of the denominator — they say nothing about the
 * agent, and `resume` runs them again.
 */
export function countsTowardSuccessRate(episode: Pick<EpisodeRecord, 'status' | 'success'>): boolean {
  return episode.status === 'finished' && episode.success !== null;
}

/**
 * Builds the analysis shape from stored records. `success` must be known (an unevaluated episode cannot be
 * analysed). Steps are sorted by t. Progress: absent if no step recorded one; otherwise a step without a
 * vector carries the previous step's vector forward (leading gaps get the zero vector), so `progress` lines up
 * with `steps` one-to-one.
 */
export function toAnalyzedEpisode(episode: EpisodeRecord, steps: readonly StepRecord[], site?: string): AnalyzedEpisode {
  if (episode.success === null) {
    throw new Error(`toAnalyzedEpisode: episode ${episode.id} has no evaluated outcome (success is null)`);
  }
  const foreign = steps.find((s) => s.episodeId !== episode.id);
  if (foreign) throw new Error(`toAnalyzedEpisode: step t=${foreign.t} belongs to episode ${foreign.episodeId}, not ${episode.id}`);
  const sorted = [...steps].sort((a, b) => a.t - b.t);
  const result: AnalyzedEpisode = {
    taskId: episode.taskId,
    success: episode.success,
    stopReason: episode.stopReason,
    answer: episode.answer,
    steps: sorted.map((s) => ({ t: s.t, url: s.url, action: s.action, actionText: s.actionText })),
  };
  if (site !== undefined) result.site = site;
  if (episode.instruction) result.instruction = episode.instruction;
  const first = sorted.find((s) => s.progress !== null);
  if (first?.progress) {
    let last: number[] = first.progress.map(() => 0);
    result.progress = sorted.map((s) => {
      if (s.progress !== null) last = [...s.progress];
      return [...last];
    });
  }
  if (sorted.length > 0 && sorted.every((s) => s.value !== null)) result.values = sorted.map((s) => s.value!);
  return result;
}
