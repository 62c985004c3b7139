// A finished study as one self-contained HTML file (issue 17): the table, the plots as inline SVG and the
// method, with its styles inline and no external asset, script or link, so it opens anywhere and can be
// archived or mailed as it is.
import type { StudyReport, StudyView } from '../../api/study-types';
import { esc } from './svg';
import { STUDY_COLUMNS, studyRow } from './study-table';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;color:#1f2933;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}table{border-collapse:collapse;font-size:12px}
th,td{border:1px solid #d9e2ec;padding:3px 6px;text-align:left;white-space:nowrap}th{background:#f0f4f8}
.muted{color:#616e7c}.plots{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}`;

export function studyHtml(view: Pick<StudyView, 'report' | 'plots'>, generatedAt = new Date().toISOString()): string {
  const { report, plots } = view;
  const table = `<table aria-label="Study"><thead><tr>${STUDY_COLUMNS.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${
    report.cells.map((c) => `<tr>${studyRow(c).map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title(report))}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(title(report))}</h1>
<p>${esc(report.setup)}</p>
<p class="muted">Variants: ${esc(report.variants.join(', '))} · backend: ${esc(report.backend ?? 'unknown')} · status: ${esc(report.status)}${report.seconds === null ? '' : ` · wall time ${esc(formatDuration(report.seconds))}`} · generated ${esc(generatedAt)}</p>
<h2>Test success rate per phase (95% intervals as bands)</h2>
<div class="plots">${plots.successRate}</div>
<h2>Failure modes of the failed test episodes</h2>
<div class="plots">${plots.failureModes}</div>
<h2>Critics' held-out losses</h2>
<div class="plots">${plots.criticLosses}</div>
<h2>Perplexity filter</h2>
<div class="plots">${plots.filterCounts}</div>
<h2>Table</h2>
${table}
<h2>Method</h2>
<p>${esc(report.method)}</p>
</body></html>
`;
}

function title(report: StudyReport): string {
  return `MiRA study — job ${report.jobId.slice(0, 8)}`;
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return m >= 1 ? `${m} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`;
}
