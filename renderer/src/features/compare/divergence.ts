import type { StepRecord } from '../../../../main/api/types';

/** What identifies a step for alignment: the page (path, without host/port, which differ between sandbox
 * runs) and the normalised action. Element ids are stable within a page, so the same click compares equal. */
export function stepKey(step: StepRecord | undefined): string {
  if (!step) return '(none)';
  let path = step.url;
  try {
    const u = new URL(step.url);
    path = `${u.pathname}${u.search}`;
  } catch {
    // keep the raw URL
  }
  return `${path} ${step.action ? JSON.stringify(step.action) : step.actionText}`;
}

/** The first step index where two episodes of the same task differ (page or action), or null when one is a
 * prefix of the other and they have the same length. */
export function firstDivergence(a: readonly StepRecord[], b: readonly StepRecord[]): number | null {
  const n = Math.max(a.length, b.length);
  for (let t = 0; t < n; t++) if (stepKey(a[t]) !== stepKey(b[t])) return t;
  return null;
}
