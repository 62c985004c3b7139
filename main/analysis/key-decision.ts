// Key decision step of a failed episode (docs/design/MIRA.md §1.2): the first step where it departs from successful
// reference traces of the same task (semantic deviation), the step where a loop begins (loop onset), or, when
// the episode has critic values, the action after which V fell the most (value drop, issue 17).

import type { Action, ActionType } from '../api/types';
import { firstLoop } from './loops';
import { actionKey, actionLabel, assertAnalyzedEpisode, urlPath, type AnalyzedEpisode, type AnalyzedStep } from './trajectory';
import { stepNumber } from './step-number';

export type KeyDecisionType = 'semantic_deviation' | 'loop_onset' | 'value_drop';

export interface KeyDecision {
  /** The step's t value in the failed episode. */
  t: number;
  type: KeyDecisionType;
  explanation: string;
}

export interface KeyDecisionSettings {
  /** Longest (url, action) cycle looked for (docs/design/MIRA.md §1.2 speaks of short cycles; 1..3). */
  maxCycleLength: number;
  /** How many back-to-back occurrences make a loop. Decision: 3, the same threshold as stuck midway's
   * N = M = 3, so a legitimate double action (scroll twice, "next" twice) is not taken for a loop. */
  minOccurrences: number;
  /** Smallest fall of V across one action that counts as a value drop. Decision: 0.2 — a fifth of the
   * success probability; smaller moves of a critic fitted on a few episodes are mostly noise. */
  minValueDrop: number;
}

export const DEFAULT_KEY_DECISION_SETTINGS: Readonly<KeyDecisionSettings> = { maxCycleLength: 3, minOccurrences: 3, minValueDrop: 0.2 };

/** Actions that express a choice among alternatives — "a link or query" (docs/design/MIRA.md §1.2). Scrolling, hovering,
 * key presses, tab and history moves do not commit to anything, so they are never a semantic deviation. */
const CHOICE_TYPES: ReadonlySet<ActionType> = new Set<ActionType>(['click', 'type', 'select', 'goto', 'stop']);

/** What a choice picked, comparable across episodes: type + element + case-folded text, or the goto path. */
function choiceSignature(action: Action | null): string | null {
  if (action === null || !CHOICE_TYPES.has(action.type)) return null;
  const text = action.text === undefined ? '' : action.text.replace(/\s+/g, ' ').trim().toLowerCase();
  switch (action.type) {
    case 'goto':
      return `goto ${urlPath(action.url ?? '')}`;
    case 'stop':
      return `stop ${JSON.stringify(text)}`;
    default:
      return `${action.type} [${action.elementId ?? ''}] ${JSON.stringify(text)}`;
  }
}

/** One visit to a page: consecutive steps with the same URL path. */
interface PageVisit {
  path: string;
  choices: Set<string>;
  labels: string[];
}

interface Aligned {
  steps: Array<{ path: string; choice: string | null; page: number; label: string }>;
  pages: PageVisit[];
}

function align(ep: AnalyzedEpisode): Aligned {
  const pages: PageVisit[] = [];
  const steps = ep.steps.map((s: AnalyzedStep) => {
    const path = urlPath(s.url);
    if (pages.length === 0 || pages[pages.length - 1].path !== path) pages.push({ path, choices: new Set(), labels: [] });
    const page = pages[pages.length - 1];
    const choice = choiceSignature(s.action);
    if (choice !== null && !page.choices.has(choice)) {
      page.choices.add(choice);
      page.labels.push(actionLabel(s));
    }
    return { path, choice, page: pages.length - 1, label: actionLabel(s) };
  });
  return { steps, pages };
}

/**
 * The first semantic deviation, or null. Alignment (a failed step "agrees" with a reference if either holds):
 * - by step index: the reference's step at the same index was on the same URL path and made the same choice;
 * - by page sequence: the trajectory is cut into visits of distinct consecutive URL paths; if the failed
 *   step is on its p-th visit, the reference's p-th visit is to the same path and the reference made the same
 *   choice somewhere during that visit. This tolerates references that take a different number of steps
 *   (extra scrolls, another order of form fields) to do the same thing on the same page.
 * A choice step that agrees with no reference under either alignment is a deviation. Only choice steps
 * (click, type, select, goto, stop) are judged. Element ids are compared as given, which assumes the
 * observation's ids are stable across runs of the same task.
 */
export function findSemanticDeviation(failed: AnalyzedEpisode, references: readonly AnalyzedEpisode[]): { t: number; explanation: string } | null {
  assertAnalyzedEpisode('findSemanticDeviation', failed);
  references.forEach((r) => assertAnalyzedEpisode('findSemanticDeviation', r));
  if (references.length === 0) return null;
  const f = align(failed);
  const refs = references.map(align);
  for (let i = 0; i < f.steps.length; i++) {
    const step = f.steps[i];
    if (step.choice === null) continue;
    const byIndex = (r: Aligned): boolean => r.steps[i]?.path === step.path && r.steps[i].choice === step.choice;
    const byPage = (r: Aligned): boolean => r.pages[step.page]?.path === step.path && r.pages[step.page].choices.has(step.choice as string);
    if (refs.some((r) => byIndex(r) || byPage(r))) continue;
    const alternatives = new Set<string>();
    for (const r of refs) {
      const atIndex = r.steps[i];
      if (atIndex?.path === step.path && atIndex.choice !== null) alternatives.add(atIndex.label);
      if (r.pages[step.page]?.path === step.path) r.pages[step.page].labels.forEach((l) => alternatives.add(l));
    }
    const chose = alternatives.size > 0 ? `references chose ${[...alternatives].slice(0, 3).join('; ')}` : 'no reference made a choice on this page at this point';
    return {
      t: failed.steps[i].t,
      explanation: `At step ${stepNumber(failed.steps[i].t)} on ${step.path} the agent chose ${step.label}, unlike all ${references.length} successful reference(s) at the same point (${chose}).`,
    };
  }
  return null;
}

/** The first (url, action) loop, keyed by full URL plus the canonical action; unparseable steps never loop. */
export function findLoopOnset(failed: AnalyzedEpisode, settings: KeyDecisionSettings = DEFAULT_KEY_DECISION_SETTINGS): { t: number; explanation: string } | null {
  assertAnalyzedEpisode('findLoopOnset', failed);
  const keys = failed.steps.map((s) => (s.action === null ? null : `${s.url} ${actionKey(s.action)}`));
  const loop = firstLoop(keys, settings.maxCycleLength, settings.minOccurrences);
  if (loop === null) return null;
  const steps = failed.steps;
  const cycle = steps.slice(loop.start, loop.start + loop.length).map(actionLabel).join(' → ');
  const endT = steps[Math.min(steps.length, loop.start + loop.length * loop.occurrences) - 1].t;
  return {
    t: steps[loop.start].t,
    explanation: `From step ${stepNumber(steps[loop.start].t)} the agent repeated a cycle of ${loop.length} (url, action) step${loop.length === 1 ? '' : 's'} (${cycle}) ${loop.occurrences} times, through step ${stepNumber(endT)}.`,
  };
}

/**
 * The action after which the value critic's estimate fell the most: step i with the largest
 * V(before step i+1) − V(before step i) drop, when it is at least `minDrop` (docs/design/MIRA.md §1.2, issue 17).
 * The last step has no following value (s_T is never observed), so it is never a value drop. Null without values.
 */
export function findValueDrop(failed: AnalyzedEpisode, minDrop = DEFAULT_KEY_DECISION_SETTINGS.minValueDrop): { t: number; explanation: string } | null {
  assertAnalyzedEpisode('findValueDrop', failed);
  const v = failed.values;
  if (!v) return null;
  let best = -1;
  for (let i = 0; i + 1 < v.length; i++) if (v[i] - v[i + 1] >= minDrop && (best < 0 || v[i] - v[i + 1] > v[best] - v[best + 1])) best = i;
  if (best < 0) return null;
  const step = failed.steps[best];
  return {
    t: step.t,
    explanation: `After step ${stepNumber(step.t)} (${actionLabel(step)}) the value critic's success estimate fell from ${v[best].toFixed(2)} to ${v[best + 1].toFixed(2)}, its largest drop in the episode.`,
  };
}

/**
 * The key decision step (docs/design/MIRA.md §1.2). Both candidates are computed; the earlier step wins, because the later
 * one is a consequence of it (a deviation that leads into a loop, or a loop that ends in a wrong page). On a
 * tie the loop onset wins — it is the more specific diagnosis — and the explanation notes the deviation.
 * With critic values, the value drop (findValueDrop) is a third candidate, taken only when it comes strictly
 * before the others (they name the behaviour; the drop is the critic's estimate).
 * References must be successful episodes of the same task; with none, only loop onset is looked for.
 * Returns null when neither is found.
 */
export function findKeyDecisionStep(
  failed: AnalyzedEpisode,
  references: readonly AnalyzedEpisode[],
  settings: Partial<KeyDecisionSettings> = {},
): KeyDecision | null {
  assertAnalyzedEpisode('findKeyDecisionStep', failed);
  if (failed.success) throw new Error(`findKeyDecisionStep: episode of task ${failed.taskId} succeeded; only failed episodes have a key decision step`);
  if (!Array.isArray(references as unknown)) throw new Error('findKeyDecisionStep: references must be an array');
  references.forEach((r, i) => {
    assertAnalyzedEpisode('findKeyDecisionStep', r);
    if (!r.success) throw new Error(`findKeyDecisionStep: references[${i}] failed; references must be successful episodes`);
    if (r.taskId !== failed.taskId) {
      throw new Error(`findKeyDecisionStep: references[${i}] is of task ${r.taskId}, not ${failed.taskId}`);
    }
  });
  const s = { ...DEFAULT_KEY_DECISION_SETTINGS, ...settings };
  if (!Number.isInteger(s.maxCycleLength) || s.maxCycleLength < 1 || s.maxCycleLength > 3) {
    throw new Error(`findKeyDecisionStep: settings.maxCycleLength must be an integer in [1, 3], got ${String(s.maxCycleLength)}`);
  }
  if (!Number.isInteger(s.minOccurrences) || s.minOccurrences < 2) {
    throw new Error(`findKeyDecisionStep: settings.minOccurrences must be an integer >= 2, got ${String(s.minOccurrences)}`);
  }

  if (!(s.minValueDrop > 0 && s.minValueDrop <= 1)) throw new Error(`findKeyDecisionStep: settings.minValueDrop must be in (0, 1], got ${String(s.minValueDrop)}`);

  const loop = findLoopOnset(failed, s);
  const deviation = findSemanticDeviation(failed, references);
  const drop = findValueDrop(failed, s.minValueDrop);
  if (drop && (!loop || drop.t < loop.t) && (!deviation || drop.t < deviation.t)) return { t: drop.t, type: 'value_drop', explanation: drop.explanation };
  if (loop && (!deviation || loop.t <= deviation.t)) {
    const also = deviation && deviation.t === loop.t ? ` The same step also departs from the references: ${deviation.explanation}` : '';
    return { t: loop.t, type: 'loop_onset', explanation: loop.explanation + also };
  }
  if (deviation) return { t: deviation.t, type: 'semantic_deviation', explanation: deviation.explanation };
  return null;
}
