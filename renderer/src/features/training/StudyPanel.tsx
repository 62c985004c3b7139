import { useEffect, useState } from 'react';
import type { StudyView } from '../../../../main/api/study-types';
import type { TrainingJob } from '../../../../main/api/training-types';
import { getClient } from '../../api/client';

/** The job's study (issue 17): test SR per phase over its seeds with the 95% intervals as bands, the failure-mode
 * mix of the failed test episodes per phase as stacked bars, the critics' held-out losses, the perplexity
 * filter's kept/filtered counts, the table, and "Export report" (one self-contained HTML file). The plots are
 * the core's SVG markup (main/training/study/study-plots.ts), the same the exported report embeds. */
export function StudyPanel({ job }: { job: TrainingJob }) {
  const [view, setView] = useState<StudyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (job.phases.length === 0) return;
    let live = true;
    getClient().getTrainingStudy(job.id).then((v) => live && (setView(v), setError(null)), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [job.id, job.phases.length, job.status]);
  if (job.phases.length === 0) return null;
  if (error) return <p role="alert" className="error">Study: {error}</p>;
  if (!view) return <p className="small muted">Computing the study…</p>;
  const { report } = view;
  return (
    <section className="study" aria-label="Study" data-testid="study">
      <h3>Study over seed{report.seeds.length === 1 ? '' : 's'} {report.seeds.join(', ')}</h3>
      <div className="charts study-plots">
        <Figure caption="Test success rate per phase, 95% intervals as bands" svg={view.plots.successRate} />
        <Figure caption="Failure modes of failed test episodes" svg={view.plots.failureModes} />
        <Figure caption="Critics' held-out losses" svg={view.plots.criticLosses} />
        <Figure caption="Perplexity filter: kept / filtered trajectories" svg={view.plots.filterCounts} />
      </div>
      <table className="phases" aria-label="Study table">
        <thead><tr>{view.table.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
        <tbody>{view.table.rows.map((r) => <tr key={`${r[0]}-${r[1]}`} data-testid="study-row">{r.map((c, i) => <td key={i}>{c}</td>)}</tr>)}</tbody>
      </table>
      <p className="small muted">{report.method}</p>
      <button type="button" onClick={() => download(`mira-study-${report.jobId.slice(0, 8)}.html`, view.html)} disabled={job.status === 'running'}>
        Export report (HTML)
      </button>
    </section>
  );
}

/** Markup made by the core from numbers and escaped names (no script, no URL): shown as it is. */
function Figure({ caption, svg }: { caption: string; svg: string }) {
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      <div dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  );
}

function download(name: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
