import { useCallback, useEffect, useState } from 'react';
import type { SubgoalItem, SubgoalSet } from '../../../../main/api/contract';
import type { TaskSummary } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { listAllTasks } from '../../api/task-pages';
import { useWorkbench } from '../../stores/workbench-store';
import { SubgoalDiff } from './SubgoalDiff';
import { SubgoalEditor } from './SubgoalEditor';
import { SubgoalVersions } from './SubgoalVersions';
import { RunWithVersion } from './RunWithVersion';

/** Per task (docs/design/MIRA.md §2): the current subgoal set and its versions; hand edits and the teacher's regeneration
 * each add a version, and any two versions can be diffed. */
export function SubgoalsView({ taskId, version = null }: { taskId: string | null; version?: number | null }) {
  const [tasks, setTasks] = useState<TaskSummary[]>([]);
  const [versions, setVersions] = useState<SubgoalSet[] | null>(null);
  const [base, setBase] = useState<SubgoalSet | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [generating, setGenerating] = useState(false);
  const navigate = useWorkbench((s) => s.navigate);

  // Training instances too: a training rollout's replay links here to its task's subgoals (issue 17).
  useEffect(() => void listAllTasks(getClient(), { includeTraining: true }).then(setTasks, (err: Error) => setStatus({ kind: 'error', text: err.message })), []);
  const task = tasks.find((t) => t.id === taskId) ?? null;
  useEffect(() => {
    if (!taskId && tasks[0]) navigate({ view: 'subgoals', taskId: tasks[0].id }, true);
  }, [taskId, tasks, navigate]);

  const load = useCallback(async (select?: SubgoalSet) => {
    if (!taskId) return;
    const list = await getClient().listSubgoalSets(taskId);
    setVersions(list);
    // A link to a version (the replay lane's "edit") opens that version; otherwise the current one.
    setBase(select ?? list.find((v) => v.version === version) ?? list[0] ?? null);
  }, [taskId, version]);
  useEffect(() => {
    setVersions(null);
    setStatus(null);
    load().catch((err: Error) => setStatus({ kind: 'error', text: err.message }));
  }, [load]);

  const save = async (items: SubgoalItem[], note: string) => {
    const saved = await getClient().saveSubgoalSet(taskId!, items, note || undefined);
    await load(saved);
    setStatus({ kind: 'ok', text: `Saved as version ${saved.version}.` });
  };
  const regenerate = async () => {
    setGenerating(true);
    setStatus(null);
    try {
      const hand = versions?.find((v) => v.origin === 'hand');
      const made = await getClient().generateSubgoals(taskId!);
      await load(made);
      // Saying it: runs started from here pin a version by id, so the hand-corrected one stays as it was.
      setStatus({ kind: 'ok', text: `The teacher wrote version ${made.version}.${hand ? ` Your hand-corrected v${hand.version} is unchanged; pick it to run with it.` : ''}` });
    } catch (err) {
      setStatus({ kind: 'error', text: `Regeneration failed: ${(err as Error).message}` });
    } finally {
      setGenerating(false);
    }
  };

  return (
    <section aria-labelledby="subgoals-heading" className="subgoals">
      <h1 id="subgoals-heading">Subgoals</h1>
      <div className="save-bar">
        <label>Task{' '}
          <select value={taskId ?? ''} onChange={(e) => navigate({ view: 'subgoals', taskId: e.target.value }, true)}>
            {tasks.map((t) => <option key={t.id} value={t.id}>{t.id}</option>)}
          </select>
        </label>
        <button type="button" onClick={regenerate} disabled={!taskId || generating}>{generating ? 'Asking the teacher…' : 'Regenerate with the teacher'}</button>
        {status && <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'ok-text'}>{status.text}</span>}
      </div>
      {task && <p className="small muted" data-testid="task-intent">{task.intent}</p>}
      {versions === null ? <p className="muted">Loading subgoals…</p> : (
        <div className="prompt-editor">
          <div>
            {base && <RunWithVersion key={`run-${base.id}`} set={base} />}
            <SubgoalEditor key={`editor-${taskId}-${base?.id ?? 'new'}`} items={base?.items ?? []} baseVersion={base?.version ?? null} onSave={save} />
            <SubgoalDiff key={`diff-${taskId}-${versions.length}`} versions={versions} />
          </div>
          <SubgoalVersions versions={versions} selected={base?.version ?? null} onPick={setBase} />
        </div>
      )}
    </section>
  );
}
