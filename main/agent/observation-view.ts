import type { Action } from '../api/types';
import { OBSERVATION_FORMATS, type ObservationFormat } from '../api/run-options';
import { ActionError } from '../actions/errors';
import type { Observation } from '../browser/observation-types';
import { renderWebRlHtml } from '../browser/render-webrl-html';
import { drawSetOfMarks, renderSetOfMarksText } from '../browser/set-of-marks';

// Observation formats a policy can ask for (docs/design/WEBARENA.md §3), all rendered from the step's one
// batched extraction: WebArena's AX-tree text, WebRL's simplified HTML with sequential ids, or a
// set-of-marks screenshot. Only the WebRL form uses ids of its own; they are mapped back to our stable ids
// before an action executes, so the executor and the stored step.action always speak our ids.

export { OBSERVATION_FORMATS, type ObservationFormat };

export interface ObservationView {
  format: ObservationFormat;
  /** The text the policy reads: AX tree, WebRL HTML, or the list of marked elements. */
  text: string;
  /** The screenshot the policy sees: marked with ids for 'som', the plain one otherwise (null when the step
   * took none: only 'som' policies read it, and their steps always take one). */
  screenshot: Buffer | null;
  /** The id a policy writes for one of our node ids (WebRL's sequential id; the same id otherwise). */
  idFor(nodeId: string): string | undefined;
  /** The parsed action with its element id mapped back to our node id, ready for the executor. */
  toExecutable(action: Action): Action;
  /** Time spent rendering this view (drawing the marks, for 'som'). */
  renderMs: number;
}

export function isObservationFormat(value: unknown): value is ObservationFormat {
  return typeof value === 'string' && (OBSERVATION_FORMATS as readonly string[]).includes(value);
}

export function presentObservation(observation: Observation, format: ObservationFormat = 'axtree'): ObservationView {
  const started = performance.now();
  const same = {
    idFor: (id: string) => (observation.nodes.some((n) => n.id === id) ? id : undefined),
    toExecutable: (action: Action) => action,
  };
  let view: Omit<ObservationView, 'renderMs'>;
  switch (format) {
    case 'axtree':
      view = { format, text: observation.text, screenshot: observation.screenshot, ...same };
      break;
    case 'som':
      view = {
        format,
        text: renderSetOfMarksText(observation.nodes, observation.boxes),
        screenshot: drawSetOfMarks(screenshotFor(format, observation), observation.boxes, observation.viewport),
        ...same,
      };
      break;
    case 'webrl-html': {
      const html = renderWebRlHtml(observation.webrl, observation.nodes);
      view = {
        format,
        text: html.html,
        screenshot: observation.screenshot,
        idFor: html.toSequentialId,
        toExecutable(action) {
          if (action.elementId === undefined) return action;
          const nodeId = html.toNodeId(action.elementId);
          if (nodeId === undefined) throw new ActionError('stale_id', `There is no element with id="${action.elementId}" in the page's HTML.`);
          return { ...action, elementId: nodeId };
        },
      };
      break;
    }
    default:
      throw new Error(`Unknown observation format "${String(format)}"; choose one of ${OBSERVATION_FORMATS.join(', ')}.`);
  }
  return { ...view, renderMs: performance.now() - started };
}

function screenshotFor(format: ObservationFormat, observation: Observation): Buffer {
  if (!observation.screenshot) throw new Error(`The ${format} observation needs the page's screenshot, and this one was taken without it.`);
  return observation.screenshot;
}
