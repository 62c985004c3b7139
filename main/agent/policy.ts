import type { GrammarName } from '../actions/grammars';
import type { StopReason } from '../api/types';
import type { Observation } from '../browser/observation-types';
import type { ObservationFormat, ObservationView } from './observation-view';

export interface HistoryEntry {
  t: number;
  actionText: string;
  error: string | null;
  url: string;
}

export interface PolicyInput {
  intent: string;
  t: number;
  observation: Observation;
  history: HistoryEntry[];
  /** The observation rendered in the policy's observationFormat (the loop always sets it). */
  view?: ObservationView;
  /** Milestones done so far (1 = done), when the episode has a subgoal monitor (SGO, docs/design/MIRA.md §2). */
  progress?: number[] | null;
}

export interface PolicyDecision {
  /** The raw reply, parsed by the grammar the policy writes (WebArena's by default). */
  reply: string;
  /** The prompt the policy sent, when it is an LLM (stored as a blob and shown in replay). */
  prompt?: string;
  reasoning?: string;
  /** A trained policy's critics on this state (docs/design/MIRA.md §4.2, §4.4: V(s), P(s)); stored with the step for replay. */
  critic?: { value: number; potential: number };
}

/** Anything that chooses actions: the oracle, baselines, LLM agents (ReAct, SGO), the local trained policy. */
export interface Policy {
  readonly name: string;
  /** The action grammar the policy writes (the one its model was trained on); WebArena's by default. */
  readonly grammar?: GrammarName;
  /** How the policy sees the page (docs/design/WEBARENA.md §3): WebArena's AX tree by default, WebRL's
   * HTML with sequential ids, or a set-of-marks screenshot. */
  readonly observationFormat?: ObservationFormat;
  decide(input: PolicyInput): Promise<PolicyDecision>;
  /** A fork's prefix replayer took step `input.t` on this policy's behalf (prefix-replay-policy.ts): a
   * policy with per-episode state (the oracle's plan cursor) moves it on as if it had decided the step. */
  skipStep?(input: PolicyInput): void;
}

/** A policy that cannot go on (e.g. the oracle's target is missing): the episode ends with policy_error. */
export class PolicyError extends Error {
  /** How the episode's stop is recorded: 'policy_error' unless the policy knows better (a fork's diverged prefix). */
  readonly stopReason: StopReason;

  constructor(message: string, stopReason: StopReason = 'policy_error') {
    super(message);
    this.name = 'PolicyError';
    this.stopReason = stopReason;
  }
}
