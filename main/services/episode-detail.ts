import type { EpisodeDetail } from '../api/contract';
import type { SubgoalPlanPeriod, SubgoalSet, VerdictRecord } from '../api/inference-types';
import type { EpisodeReplay, ReplayStep, StepOutline, StepWindow } from '../api/replay-types';
import type { StepRecord } from '../api/types';
import type { Store } from '../store';
import { findElement } from './acted-element';

/** Steps per window the replay loads (issue 22): the filmstrip at 1440 px shows ~12 thumbnails plus two
 * either side, so the window at open covers the strip a person sees. */
export const REPLAY_WINDOW = 16;

/** Where an episode's parts are read from (the store, and the inference layer's subgoal sets and verdicts). */
export interface EpisodeSources {
  store: Pick<Store, 'episodes' | 'tasks' | 'steps' | 'blobs'>;
  subgoals(episodeId: string): Promise<SubgoalSet | null>;
  /** Every plan the episode acted on, oldest first (main/subgoals/plan.ts planHistory); else its one set. */
  plans?(episodeId: string): Promise<SubgoalPlanPeriod[]>;
  verdicts(episodeId: string): Promise<VerdictRecord[]>;
}

/** A step as getEpisode sends it to a front end: without `views`, the blob refs of the renderings the policy
 * read. No screen shows them (exports read them from the store), and they were about a quarter of the message
 * that opens an episode in the replay (issue 22: bytes per open). */
export function stepForDetail(step: StepRecord): StepRecord {
  const { views: _notShown, ...shown } = step;
  return shown;
}

/** The whole episode with every step record (compare, fork, tests, scripts). */
export async function episodeDetail(sources: EpisodeSources, id: string): Promise<EpisodeDetail> {
  const { episode, task, steps, subgoals, verdicts, annotation } = await loadEpisode(sources, id);
  return { episode, task, steps: steps.map(stepForDetail), subgoals, verdicts, annotation };
}

/** The episode as the replay opens it at position `step`: the outline of every step and the window of full
 * records holding that step (issue 22: bytes per open). */
export async function openReplay(sources: EpisodeSources, id: string, step: number): Promise<EpisodeReplay> {
  const { episode, task, steps, subgoals, plans, verdicts, annotation } = await loadEpisode(sources, id);
  const { config: _notShown, ...summary } = task;
  const at = Math.min(Math.max(step, 0), Math.max(steps.length - 1, 0));
  const from = at - (at % REPLAY_WINDOW);
  return {
    episode, task: summary, outline: stepOutline(steps), subgoals, plans, verdicts, annotation,
    window: await windowOf(sources, steps.slice(from, from + REPLAY_WINDOW), from),
  };
}

/** Full records of the steps at positions [from, to) (fewer past the last step). */
export async function episodeStepWindow(sources: EpisodeSources, id: string, from: number, to: number): Promise<StepWindow> {
  if (to < from) throw new Error(`The step window must end after it starts (from ${from}, to ${to}).`);
  if (!(await sources.store.episodes.get(id))) throw new Error(`No episode with id ${id}.`);
  return windowOf(sources, await sources.store.steps.window(id, from, to), from);
}

/** Every step, one array per field: what the replay draws for all steps at once. */
export function stepOutline(steps: readonly StepRecord[]): StepOutline {
  return {
    ts: steps.map((s) => s.t),
    actionTexts: steps.map((s) => s.actionText),
    failedSteps: steps.flatMap((s, i) => (s.actionError ? [i] : [])),
    progress: steps.map((s) => s.progress),
    values: steps.map((s) => s.value),
    potentials: steps.map((s) => s.potential),
  };
}

/** The step with the element its action named, looked up in its own observation; a missing observation blob
 * leaves the label as the policy wrote it (the observation tab reports the missing blob). */
export async function replayStep(step: StepRecord, readText: (hash: string) => Promise<string>): Promise<ReplayStep> {
  const id = step.action?.elementId;
  const observation = id !== undefined && step.observationRef ? await readText(step.observationRef).catch(() => null) : null;
  return { ...stepForDetail(step), actedElement: id !== undefined && observation !== null ? findElement(observation, id) : null };
}

/** The window starting at position `from`: its steps, each with the element its action named. */
async function windowOf(sources: EpisodeSources, steps: readonly StepRecord[], from: number): Promise<StepWindow> {
  const readText = (hash: string) => sources.store.blobs.getText(hash);
  return { from, steps: await Promise.all(steps.map((s) => replayStep(s, readText))) };
}

async function loadEpisode(sources: EpisodeSources, id: string) {
  const { store } = sources;
  const episode = await store.episodes.get(id);
  if (!episode) throw new Error(`No episode with id ${id}.`);
  const task = await store.tasks.get(episode.taskId);
  if (!task) throw new Error(`Episode ${id} refers to unknown task ${episode.taskId}.`);
  const [steps, subgoals, plans, verdicts, annotation] = await Promise.all([
    store.steps.list(id), sources.subgoals(id), sources.plans?.(id), sources.verdicts(id), store.episodes.annotation(id),
  ]);
  return { episode, task, steps, subgoals, plans: plans ?? (subgoals ? [{ fromT: 0, set: subgoals }] : []), verdicts, annotation };
}
