// What a checkpoint says about a stored episode (docs/design/MIRA.md §4): V(s_t) and P(s_t) from its critics, and
// log π_ref(a_t | s_t) from its policy — π_ref being the policy an external fine-tune regularises towards.
// The states are rebuilt the way the trainer records them (rollout/record.ts, mira-phase.ts): intent,
// intent values, reference subgoal texts, the progress before the step, the observation's actionable nodes
// and answer candidates, and the previous actions by element name; s_T is the last page after the final action, not re-observed.
import type { Action, StepRecord } from '../../api/types';
import { answerCandidates } from '../answer/answer-candidates';
import { findCandidate, intentValues, type PastAction } from '../model/candidates';
import type { RawState } from '../model/features';
import type { LocalScorer } from '../model/local-scorer';
import { parseAxTreeText, type TextNode } from './ax-text';

export interface EpisodeContext {
  intent: string;
  instantiation: Record<string, unknown> | null;
  subgoals: string[];
  /** K from the stored progress vectors (null without subgoals). */
  K: number | null;
}

export interface CheckpointScores {
  /** V(s_0)..V(s_T), P(s_0)..P(s_T); null when the checkpoint has no critics. */
  values: number[] | null;
  potentials: number[] | null;
  /** log π_ref(a_t | s_t) per step; null where the action is outside the candidate space. */
  refLogprobs: (number | null)[];
}

const PAST_KINDS = new Set<PastAction['kind']>(['click', 'type', 'select', 'stop']);

export function checkpointScores(scorer: LocalScorer, ctx: EpisodeContext, steps: readonly StepRecord[], observations: readonly (string | null)[]): CheckpointScores {
  const states = rebuildStates(scorer, ctx, steps, observations);
  const refLogprobs = steps.map((step, t) => refLogprob(scorer, states[t], step.action));
  if (!scorer.critic) return { values: null, potentials: null, refLogprobs };
  const judged = states.map((raw) => scorer.critique(raw)!);
  return { values: judged.map((j) => j.value), potentials: judged.map((j) => j.potential), refLogprobs };
}

/** RawStates s_0..s_T (length T + 1) of a stored episode. */
export function rebuildStates(scorer: Pick<LocalScorer, 'elementsOf'>, ctx: EpisodeContext, steps: readonly StepRecord[], observations: readonly (string | null)[]): RawState[] {
  const values = intentValues(ctx.intent, ctx.instantiation);
  const subgoals = ctx.K === null ? [] : Array.from({ length: ctx.K }, (_, k) => ctx.subgoals[k] ?? '');
  const zeros = ctx.K === null ? null : new Array<number>(ctx.K).fill(0);
  const past: PastAction[] = [];
  const states: RawState[] = [];
  let progress = zeros;
  steps.forEach((step, t) => {
    const nodes = observations[t] ? parseAxTreeText(observations[t]!) : [];
    states.push({ intent: ctx.intent, values, subgoals, progress, t, nodes: scorer.elementsOf(nodes), past: [...past], answers: answerCandidates(nodes) });
    past.push(pastActionFrom(step.action, nodes));
    progress = step.progress ?? progress;
  });
  const last = states[states.length - 1];
  states.push({ ...last, t: last.t + 1, progress, past: [...past] });
  return states;
}

function refLogprob(scorer: LocalScorer, raw: RawState, action: Action | null): number | null {
  if (!action) return null;
  const { candidates, probs } = scorer.score(raw);
  const index = findCandidate(action, candidates, raw.nodes);
  return index >= 0 && probs[index] > 0 ? Math.log(probs[index]) : null;
}

function pastActionFrom(action: Action | null, nodes: readonly TextNode[]): PastAction {
  const kind = action && PAST_KINDS.has(action.type as PastAction['kind']) ? (action.type as PastAction['kind']) : 'other';
  const elementName = action?.elementId === undefined ? '' : (nodes.find((n) => n.id === action.elementId)?.name ?? '');
  return { kind, elementName, text: action?.text ?? '' };
}
