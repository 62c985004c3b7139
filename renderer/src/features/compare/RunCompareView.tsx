import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EpisodeListRow, RunSummary } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { listAllEpisodeRows } from '../../api/episode-pages';
import { useWorkbench } from '../../stores/workbench-store';
import { successRate } from '../runs/RunList';
import { familyRates, sharedRates, taskDiff, type TaskChange, type TaskSide } from './run-diff';
import { formatDateTime } from '../../components/format-time';
import { signTestText } from './sign-test';
import { judgeMismatch, judgeOf, judgeText } from '../report/run-judge';
import { plural } from '../../components/plural';

const CHANGE_LABEL: Record<TaskChange, string> = {
  fixed: 'fixed', broke: 'broke', same: 'same', unscored: 'not scored', 'only-left': 'only in A', 'only-right': 'only in B',
};

/** Two runs side by side (issue 21): what each ran with (policy, model, prompt and subgoal versions), success
 * overall and per family, and every task's outcome in both with what changed, each linked to its replay. */
export function RunCompareView({ left, right }: { left: string; right: string }) {
  const [data, setData] = useState<{ runs: [RunSummary, RunSummary]; rows: [EpisodeListRow[], EpisodeListRow[]] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const navigate = useWorkbench((s) => s.navigate);
  useEffect(() => {
    const client = getClient();
    let live = true;
    // Another pair: the last pair's runs (or its error) no longer hold.
    setData(null);
    setError(null);
    Promise.all([client.listRunSummaries(), listAllEpisodeRows(client, { runId: left }), listAllEpisodeRows(client, { runId: right })]).then(
      ([summaries, a, b]) => {
        const find = (id: string) => {
          const run = summaries.find((r) => r.id === id);
          if (!run) throw new Error(`There is no run ${id}.`);
          return run;
        };
        if (live) setData({ runs: [find(left), find(right)], rows: [a, b] });
      },
    ).catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [left, right]);
  const families = useMemo(() => (data ? familyRates(...data.rows) : []), [data]);
  const tasks = useMemo(() => (data ? taskDiff(...data.rows) : []), [data]);
  const shared = useMemo(() => (data ? sharedRates(...data.rows) : null), [data]);

  if (error) return <p role="alert" className="error">Could not compare the runs: {error}</p>;
  if (!data || !shared) return <p className="muted">Loading runs…</p>;
  const [a, b] = data.runs;
  const count = (change: TaskChange) => tasks.filter((t) => t.change === change).length;
  const changed = count('fixed') + count('broke');
  const sameTasks = shared.sharedTasks === shared.leftTasks && shared.sharedTasks === shared.rightTasks;
  const open = (episodeId: string) => navigate({ view: 'replay', episodeId, step: 0 });
  return (
    <section aria-labelledby="run-compare-heading" data-testid="run-compare">
      <h1 id="run-compare-heading">Compare runs {a.id.slice(0, 8)} (A) and {b.id.slice(0, 8)} (B)</h1>
      <table className="grid" aria-label="Runs compared" data-testid="run-compare-summary">
        <thead><tr><th scope="col" /><th scope="col">A</th><th scope="col">B</th></tr></thead>
        <tbody>
          <SummaryRow label="Run" a={<a href={`#/run/${a.id}`}>{a.id.slice(0, 8)}</a>} b={<a href={`#/run/${b.id}`}>{b.id.slice(0, 8)}</a>} />
          <SummaryRow label="Policy" a={String(a.config.policy ?? '—')} b={String(b.config.policy ?? '—')} />
          <SummaryRow label="Model" a={a.model ?? '—'} b={b.model ?? '—'} />
          <SummaryRow label="Judge" a={judgeText(judgeOf(a))} b={judgeText(judgeOf(b))} />
          <SummaryRow label="Prompt" a={a.promptVersion === null ? '—' : `v${a.promptVersion}`} b={b.promptVersion === null ? '—' : `v${b.promptVersion}`} />
          <SummaryRow label="Subgoals" a={versions(a)} b={versions(b)} />
          <SummaryRow label="SR" a={successRate(a)} b={successRate(b)} testId="compare-sr" />
          {sameTasks || <SummaryRow label={`SR on the ${plural(shared.sharedTasks, 'task')} both ran`} a={successRate(shared.left)} b={successRate(shared.right)} testId="compare-sr-shared" />}
          <SummaryRow label="Tasks" a={String(shared.leftTasks)} b={String(shared.rightTasks)} />
          <SummaryRow label="Episodes" a={String(a.episodes)} b={String(b.episodes)} />
          <SummaryRow label="Started" a={formatDateTime(a.createdAt)} b={formatDateTime(b.createdAt)} />
        </tbody>
      </table>
      {judgeMismatch(a, b) && <p className="small" role="note" data-testid="judge-mismatch">{judgeMismatch(a, b)}</p>}
      {sameTasks || (
        <p className="small" role="note" data-testid="task-overlap">
          The runs ran different tasks ({shared.sharedTasks} in common, {shared.leftTasks - shared.sharedTasks} only in A, {shared.rightTasks - shared.sharedTasks} only in B):
          their overall SRs are over different tasks.{' '}
          {shared.sharedTasks === 0 ? 'They have no task in common to compare on.' : `Compare them on the ${plural(shared.sharedTasks, 'task')} both ran.`}
        </p>
      )}
      <h2>Success per family{sameTasks ? '' : ` · on the ${plural(shared.sharedTasks, 'task')} both ran`}</h2>
      <table className="grid" aria-label="Success per family" data-testid="family-compare">
        <thead><tr><th scope="col">Family</th><th scope="col">A</th><th scope="col">B</th></tr></thead>
        <tbody>
          {families.length === 0 && <tr><td colSpan={3} className="muted">The runs have no task in common.</td></tr>}
          {families.map((f) => (
            <tr key={f.family} data-testid="family-row">
              <td>{f.family}</td><td>{successRate(f.left)}</td><td>{successRate(f.right)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Per task · <span className="muted small" data-testid="changed-count">{changed} of the {plural(shared.sharedTasks, 'task')} both ran changed outcome</span></h2>
      {shared.sharedTasks > 0 && <p className="small" data-testid="sign-test">{signTestText(count('fixed'), count('broke'), count('same'))}</p>}
      <table className="grid" aria-label="Outcome per task" data-testid="task-compare">
        <thead><tr><th scope="col">Task</th><th scope="col">A</th><th scope="col">B</th><th scope="col">Change</th></tr></thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.taskId} data-testid="task-row" data-change={t.change}>
              <td title={t.taskId}>{(t.left ?? t.right)?.intent || t.taskId}<span className="muted small"> · {t.taskId}</span></td>
              <td><SideCell side={t.left} label="A" onOpen={open} /></td>
              <td><SideCell side={t.right} label="B" onOpen={open} /></td>
              <td><span className={`badge ${t.change === 'fixed' ? 'ok' : t.change === 'broke' ? 'fail' : ''}`}>{CHANGE_LABEL[t.change]}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SummaryRow({ label, a, b, testId }: { label: string; a: ReactNode; b: ReactNode; testId?: string }) {
  return <tr data-testid={testId}><th scope="row">{label}</th><td>{a}</td><td>{b}</td></tr>;
}

function versions(run: RunSummary): string {
  return run.subgoalVersions.length === 0 ? '—' : run.subgoalVersions.map((v) => `v${v}`).join(', ');
}

/** One run's outcome on a task, linked to its newest episode's replay. */
function SideCell({ side, label, onOpen }: { side: TaskSide | null; label: string; onOpen(episodeId: string): void }) {
  if (!side) return <span className="muted">not run</span>;
  const text = side.scored === 0 ? 'not scored' : side.scored === 1 ? (side.solved ? '✓ success' : '✗ failed') : `${side.solved}/${side.scored} solved`;
  return (
    <a href={`#/episode/${side.episodeId}/step/0`} onClick={(e) => (e.preventDefault(), onOpen(side.episodeId))} aria-label={`Replay run ${label}'s episode: ${text}`}>
      {text}
    </a>
  );
}
