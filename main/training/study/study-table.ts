// The study report as rows of text (issue 17): the CLI prints them, the HTML report and the Training page show
// the same columns. Percentages of test SR carry their 95% interval.
import type { StudyCell, StudyReport } from '../../api/study-types';

export const STUDY_COLUMNS = ['variant', 'phase', 'test SR [95% CI]', 'train SR', 'stuck midway', 'wrong term.', 'no attempt', 'others', 'milestones', 'V held-out', 'P held-out', 'kept/new traj.'] as const;

const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)}%`);
const loss = (v: number | null) => (v === null ? '—' : v.toFixed(3));

export function studyRow(c: StudyCell): string[] {
  const sr = c.testSuccess;
  const share = (m: keyof StudyCell['failureShares']) => (c.failed === 0 ? '—' : pct(c.failureShares[m]));
  return [
    c.variant, c.phase === 0 ? 'SFT' : String(c.phase),
    `${pct(sr.mean)} [${pct(sr.low)}, ${pct(sr.high)}] n=${sr.n}`, pct(c.trainSuccess),
    share('stuck_midway'), share('wrong_termination'), share('no_reasonable_attempt'), share('others'),
    pct(c.milestonesReached), loss(c.valueHeldOut), loss(c.potentialHeldOut),
    c.filter ? `${c.filter.keptTrajectories}/${c.filter.newTrajectories}` : '—',
  ];
}

/** Fixed-width text table for the terminal. */
export function studyTextTable(report: StudyReport): string {
  const rows = [STUDY_COLUMNS as readonly string[], ...report.cells.map(studyRow)];
  const width = STUDY_COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => cell.padEnd(width[i])).join('  ').trimEnd());
  return [`Study of job ${report.jobId} (${report.status}) · seeds ${report.seeds.join(', ')} · ${report.backend ?? 'unknown backend'}`, ...lines,
    'Failure shares are of the failed test episodes.'].join('\n');
}
