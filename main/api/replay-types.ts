// What the replay loads (issue 22: bytes per open): at open, the episode and a column-wise outline of every
// step (what the filmstrip, timeline, milestone lane and critic chart draw for all steps); the full records of
// the steps around the one on screen come in windows, as a person steps or scrolls the filmstrip. Types only
// (the renderer imports this file).

import type { SubgoalPlanPeriod, SubgoalSet, VerdictRecord } from './inference-types';
import type { EpisodeRecord, StepRecord, TaskSummary } from './types';

/** A note and tags on an episode, replacing the ones it had. */
export interface EpisodeAnnotation {
  note: string | null;
  tags: string[];
}

/** Every step of an episode, one array per field, each indexed by the step's position (a list of full step
 * records repeated each field's name, the episode id and six blob hashes per step: ~0.9 KB a step). */
export interface StepOutline {
  /** Each step's t (equal to its position in recorded episodes; kept so verdicts, keyed by t, line up). */
  ts: number[];
  /** The action as the policy wrote it: the filmstrip's labels and titles. */
  actionTexts: string[];
  /** Positions of the steps whose action failed (the filmstrip's ⚠). */
  failedSteps: number[];
  /** The milestone progress vector after each step (the lane, the verdict panel). */
  progress: (number[] | null)[];
  /** The critics' recorded value and potential (the chart). */
  values: (number | null)[];
  potentials: (number | null)[];
}

/** An element as the observation text names it: WebArena's accessibility-tree line `[id] role 'name'`
 * (docs/design/WEBARENA.md §3). */
export interface NamedElement {
  role: string;
  name: string;
}

/** A step as the replay shows it when on it: the stored record without the policy's view refs, and the
 * element the action named as this step's observation names it, so the action's label needs no observation
 * text (which comes only when the observation tab is looked at). */
export interface ReplayStep extends StepRecord {
  actedElement: NamedElement | null;
}

/** Full records of the steps at positions [from, from + steps.length). */
export interface StepWindow {
  from: number;
  steps: ReplayStep[];
}

/** What opening an episode in the replay loads: the episode, its task as lists show it, the outline of every
 * step, the window around the step opened at, and the milestone verdicts and notes the page shows. */
export interface EpisodeReplay {
  episode: EpisodeRecord;
  task: TaskSummary;
  outline: StepOutline;
  window: StepWindow;
  subgoals: SubgoalSet | null;
  /** Every plan the episode acted on, oldest first (one unless SGO re-planned): what each verdict judged. */
  plans: SubgoalPlanPeriod[];
  verdicts: VerdictRecord[];
  annotation: EpisodeAnnotation;
}
