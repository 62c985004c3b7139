// Small builders for hand-written trajectories in the analysis tests.
import type { Action, StopReason } from '../../../main/api/types';
import type { AnalyzedEpisode } from '../../../main/analysis/trajectory';

export const click = (elementId: string): Action => ({ type: 'click', elementId });
export const typeText = (elementId: string, text: string): Action => ({ type: 'type', elementId, text });
export const scroll = (direction: 'up' | 'down' = 'down'): Action => ({ type: 'scroll', direction });
export const goto = (url: string): Action => ({ type: 'goto', url });
export const stop = (text = ''): Action => ({ type: 'stop', text });
export const back: Action = { type: 'go_back' };

const SITE = 'http://127.0.0.1:9000';
/** A page URL on the test site: page('/a') → http://127.0.0.1:9000/a */
export const page = (path: string): string => `${SITE}${path}`;

function text(a: Action | null): string {
  if (a === null) return 'gibberish';
  const args = [a.elementId, a.text, a.direction, a.url].filter((x) => x !== undefined);
  return `${a.type} ${args.map((x) => `[${String(x)}]`).join(' ')}`.trim();
}

export type StepSpec = [string, Action | null];

export interface EpisodeSpec {
  taskId?: string;
  site?: string;
  success?: boolean;
  stopReason?: StopReason | null;
  answer?: string | null;
  /** [path, action] per step; t = index. */
  steps: StepSpec[];
  progress?: number[][];
}

export function episode(spec: EpisodeSpec): AnalyzedEpisode {
  const last = spec.steps[spec.steps.length - 1]?.[1];
  const stopped = last?.type === 'stop';
  const ep: AnalyzedEpisode = {
    taskId: spec.taskId ?? 'task-1',
    success: spec.success ?? false,
    stopReason: spec.stopReason !== undefined ? spec.stopReason : stopped ? 'agent_stop' : 'max_steps',
    answer: spec.answer !== undefined ? spec.answer : stopped ? (last?.text ?? '') : null,
    steps: spec.steps.map(([path, action], t) => ({ t, url: page(path), action, actionText: text(action) })),
  };
  if (spec.site !== undefined) ep.site = spec.site;
  if (spec.progress !== undefined) ep.progress = spec.progress;
  return ep;
}

/** Success/failure episode with only progress vectors (steps on one page, scrolling). */
export function progressEpisode(success: boolean, progress: number[][], site?: string): AnalyzedEpisode {
  return episode({ success, site, steps: progress.map(() => ['/p', scroll()] as [string, Action]), progress, stopReason: 'max_steps' });
}
