// How an episode ends (docs/design/WEBARENA.md §4.5): the stop reason, the explanation recorded with it, the
// answer that is scored, and the status that says whether it is a result ('finished'), an infrastructure
// failure to retry ('error') or a cut to resume ('interrupted').
import type { EpisodeRecord, StopReason } from '../api/types';
import { infraFailureOf } from './infra-failure';

export interface Ending {
  reason: StopReason;
  explanation: string;
  answer: string | null;
  status: EpisodeRecord['status'];
}

/** The scheduler aborts with reason 'time_limit'; anything else is a cancel. Completed steps stay. A cancelled
 * episode is 'interrupted' (not a result), so `resume` runs its task again. */
export function abortedEnding(signal: AbortSignal): Ending {
  const timedOut = signal.reason === 'time_limit';
  return {
    reason: timedOut ? 'time_limit' : 'cancelled',
    explanation: timedOut ? 'The episode ran past its time limit.' : 'The episode was cancelled.',
    answer: null,
    status: timedOut ? 'finished' : 'interrupted',
  };
}

/** An abort that cut a wait short also says what the episode was waiting for: an LLM that hangs then reads
 * differently from an agent that wandered until its time ran out. */
export function abortedWhileWaiting(signal: AbortSignal, what: string, waitedMs: number): Ending {
  const ending = abortedEnding(signal);
  return { ...ending, explanation: `${ending.explanation} It was waiting ${(waitedMs / 1000).toFixed(1)} s for ${what}.` };
}

/** The abort was not followed by the episode's end: the browser did not respond. A cancel stays a cancel; at the
 * time limit it is the browser's failure, not the agent's (retried on a fresh browser). */
export function unresponsiveEnding(signal: AbortSignal, waitedMs: number): Ending {
  const why = `the browser did not respond, not even to closing the page, for ${waitedMs / 1000} s, so the episode was ended without it.`;
  if (signal.reason !== 'time_limit') return { ...abortedEnding(signal), explanation: `The episode was cancelled; ${why}` };
  return { reason: 'browser_error', explanation: `The episode reached its time limit and ${why}`, answer: null, status: 'error' };
}

/** The browser failed under the time limit (it crashed, or would not close the page): its failure, not the
 * agent's, whichever the loop saw first. */
export function browserFailedAtTimeLimit(ending: Ending, crashed: string): Ending {
  if (ending.reason !== 'time_limit') return ending;
  return { reason: 'browser_error', explanation: `The episode reached its time limit; ${crashed}`, answer: null, status: 'error' };
}

/** Why an episode stopped on a thrown error: the abort, an infrastructure failure (LLM, checkpoint, storage;
 * infra-failure.ts), or else the browser. All but the abort are status 'error': retried, never scored. */
export function failureEnding(err: unknown, signal: AbortSignal | undefined): Ending {
  if (signal?.aborted) return abortedEnding(signal);
  const infra = infraFailureOf(err);
  if (infra) return { reason: infra.stopReason, explanation: infra.message, answer: null, status: 'error' };
  return { reason: 'browser_error', explanation: `The browser failed: ${message(err)}`, answer: null, status: 'error' };
}

/** The page closed (or crashed) while the evaluator read it: the agent's ending stands, the score is unknown. */
export function evaluationCutEnding(ending: Ending, err: unknown): Ending {
  return {
    reason: 'evaluation_interrupted',
    explanation: `${ending.explanation} The evaluation was cut off because the page closed: ${message(err)}`,
    answer: ending.answer,
    status: 'error',
  };
}

/** The evaluation's LLM judge could not be reached (provider down, refused key, rate limit): the agent's ending
 * stands, the score is unknown, and like any outage the episode is retried, never counted (infra-failure.ts).
 * Null when the evaluation failed for another reason. */
export function judgeOutageEnding(ending: Ending, err: unknown): Ending | null {
  const infra = infraFailureOf(err);
  if (!infra) return null;
  return { reason: infra.stopReason, explanation: `${ending.explanation} The evaluation's LLM judge failed: ${infra.message}`, answer: ending.answer, status: 'error' };
}

/** An error's first line, for an explanation. */
export function message(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
