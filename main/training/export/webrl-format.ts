// The WebRL side of a line (docs/design/WEBARENA.md §3, §4): which observation format the stored
// text is in, and the step's action in WebRL's grammar — do(action="Click", element="7"), exit(message=…) —
// the target output a WebRL-style model is fine-tuned to write.
import type { Action, StepRecord } from '../../api/types';
import { parseWebRlAction, renderWebRlAction } from '../../actions/webrl-grammar';

export type StoredObservationFormat = 'webrl-html' | 'axtree';

/** The episode loop stores the AX-tree text; a text that is WebRL's simplified HTML (renderWebRlHtml's
 * `<html>` document) is recognised so both kinds of store export faithfully. */
export function observationFormatOf(text: string): StoredObservationFormat {
  return /^\s*<html[\s>]/.test(text) ? 'webrl-html' : 'axtree';
}

/**
 * The step's action in WebRL's grammar, with element ids that refer to the line's observation, or null when
 * the reply did not parse or WebRL's action space cannot express it (goto, tabs, keys other than Enter).
 * - AX-tree observation: rendered from the stored normalised action, whose ids are the AX tree's ids.
 * - WebRL HTML observation: the ids must be the HTML's sequential ones, which only a WebRL reply carries.
 */
export function webrlActionOf(step: Pick<StepRecord, 'action' | 'actionText'>, format: StoredObservationFormat | null): string | null {
  if (format === 'webrl-html') {
    try {
      return renderWebRlAction(parseWebRlAction(step.actionText));
    } catch {
      return null;
    }
  }
  if (!step.action) return null;
  try {
    return renderWebRlAction(withExplicitEnter(step.action));
  } catch {
    return null;
  }
}

/** The executor presses Enter after typing unless pressEnter is false (WebArena's default is 1), so an
 * absent flag means Search, not Type, in WebRL's words. */
export function withExplicitEnter(action: Action): Action {
  return action.type === 'type' ? { ...action, pressEnter: action.pressEnter !== false } : action;
}
