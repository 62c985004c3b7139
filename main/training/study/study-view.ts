// A job's study with its plots, table and HTML report, for the API and the CLI (issue 17).
import type { StudyView } from '../../api/study-types';
import type { TrainingJob } from '../../api/training-types';
import { studyHtml } from './html-report';
import { studyPlots } from './study-plots';
import { studyReport } from './study-report';
import { STUDY_COLUMNS, studyRow } from './study-table';

export function studyView(job: TrainingJob): StudyView {
  const report = studyReport(job);
  const view = { report, plots: studyPlots(report), table: { columns: [...STUDY_COLUMNS], rows: report.cells.map(studyRow) } };
  return { ...view, html: studyHtml(view) };
}
