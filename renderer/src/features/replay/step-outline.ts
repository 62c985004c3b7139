import type { StepOutline } from '../../../../main/api/replay-types';

/** One step as the replay draws it for every step at once (filmstrip, timeline, lane, chart), from the
 * episode's column-wise outline. */
export interface StepMark {
  t: number;
  actionText: string;
  failed: boolean;
  progress: number[] | null;
  value: number | null;
  potential: number | null;
}

export function stepMarks(outline: StepOutline): StepMark[] {
  const failed = new Set(outline.failedSteps);
  return outline.ts.map((t, i) => ({
    t,
    actionText: outline.actionTexts[i],
    failed: failed.has(i),
    progress: outline.progress[i],
    value: outline.values[i],
    potential: outline.potentials[i],
  }));
}
