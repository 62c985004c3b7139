import { useCallback, useEffect, useState } from 'react';
import type { SubgoalItem, SubgoalSet } from '../../../../main/api/contract';
import type { TaskSummary } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { listAllTasks } from '../../api/task-pages';
import { useDiscardGuard } from '../../components/DiscardDraftDialog';
import { useWorkbench } from '../../stores/workbench-store';
import { SubgoalDiff } from './SubgoalDiff';
import { SubgoalEditor } from './SubgoalEditor';
import { SubgoalVersions } from './SubgoalVersions';
import { RunWithVersion } from './RunWithVersion';
import { useUnsavedSubgoals } from './unsaved-subgoals';
import { currentVersion } from './version-labels';

/** The question asked before `loading` replaces a task's unsaved edits. */
const discardFor = (taskId: string, loading: string) => ({
  title: 'Discard unsaved changes?',
  body: `Your edits to the subgoals of ${taskId} are not saved. ${loading} replaces them.`,
});

/** Per task (docs/design/MIRA.md §2): the current subgoal set and its versions; hand edits and the teacher's regeneration
 * each add a version, and any two versions can be diffed. A task's unsaved edits survive switching tasks; whatever would
 * replace them (picking a version, regenerating, a link to another version) asks first. */
export function SubgoalsView({ taskId, version = null }: { taskId: string | null; version?: number | null }) {
  const [tasks, setTasks] = useState<TaskSummary[]>([]);
  const [versions, setVersions] = useState<SubgoalSet[] | null>(null);
  const [base, setBase] = useState<SubgoalSet | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [generating, setGenerating] = useState(false);
  const navigate = useWorkbench((s) => s.navigate);
  const unsaved = useUnsavedSubgoals((s) => s.drafts);
  const dropUnsaved = useUnsavedSubgoals((s) => s.drop);
  const { guard, dialog } = useDiscardGuard();
  const unsavedHere = taskId !== null && taskId in unsaved;

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
    // Unsaved edits reopen on the version they started from; otherwise a link to a version (the replay lane's
    // "edit") opens that version, else the current one (what new runs start from: not an episode's newer re-plan).
    // A link to another version than the edits' asks first.
    const kept = useUnsavedSubgoals.getState().drafts[taskId];
    const keptBase = kept ? list.find((v) => v.id === kept.baseId) : undefined;
    const linked = list.find((v) => v.version === version);
    // A version just saved or generated is taken from the list, which says what new runs do with it (`use`).
    const selected = select && (list.find((v) => v.id === select.id) ?? select);
    setBase(selected ?? keptBase ?? linked ?? currentVersion(list) ?? list[0] ?? null);
    if (!select && kept && linked && linked.id !== keptBase?.id) {
      guard(true, { ...discardFor(taskId, `Loading version ${linked.version}`), confirmLabel: `Discard and load v${linked.version}`, onConfirm: () => (useUnsavedSubgoals.getState().drop(taskId), setBase(linked)) });
    }
  }, [taskId, version, guard]);
  useEffect(() => {
    setVersions(null);
    setStatus(null);
    load().catch((err: Error) => setStatus({ kind: 'error', text: err.message }));
  }, [load]);

  const save = async (items: SubgoalItem[], note: string) => {
    const saved = await getClient().saveSubgoalSet(taskId!, items, note || undefined);
    dropUnsaved(taskId!);
    await load(saved);
    setStatus({ kind: 'ok', text: `Saved as version ${saved.version}.` });
  };
  const regenerate = async () => {
    setGenerating(true);
    setStatus(null);
    try {
      const hand = versions?.find((v) => v.origin === 'hand');
      const made = await getClient().generateSubgoals(taskId!);
      dropUnsaved(taskId!);
      await load(made);
      // The same page asks the same (the reply may be cached): the version it matches is loaded, not copied.
      if (versions?.some((v) => v.id === made.id)) {
        setStatus({ kind: 'ok', text: `The teacher wrote the same milestones as version ${made.version}; no new version.` });
        return;
      }
      // Saying it: runs started from here pin a version by id, so the hand-corrected one stays as it was.
      setStatus({ kind: 'ok', text: `The teacher wrote version ${made.version}.${hand ? ` Your hand-corrected v${hand.version} is unchanged; pick it to run with it.` : ''}` });
    } catch (err) {
      setStatus({ kind: 'error', text: `Regeneration failed: ${(err as Error).message}` });
    } finally {
      setGenerating(false);
    }
  };

  const pick = (v: SubgoalSet) => {
    // The version being edited is already loaded: picking it again keeps the edits.
    if (unsavedHere && v.id === base?.id) return;
    guard(unsavedHere, { ...discardFor(taskId!, `Loading version ${v.version}`), confirmLabel: `Discard and load v${v.version}`, onConfirm: () => (dropUnsaved(taskId!), setBase(v)) });
  };
  const askRegenerate = () => guard(unsavedHere, { ...discardFor(taskId!, 'The teacher\'s new version'), confirmLabel: 'Discard and regenerate', onConfirm: () => void regenerate() });

  return (
    <section aria-labelledby="subgoals-heading" className="subgoals">
      <h1 id="subgoals-heading">Subgoals</h1>
      <div className="save-bar">
        <label>Task{' '}
          <select value={taskId ?? ''} onChange={(e) => navigate({ view: 'subgoals', taskId: e.target.value }, true)}>
            {tasks.map((t) => <option key={t.id} value={t.id}>{t.id}{t.id in unsaved ? ' ● unsaved' : ''}</option>)}
          </select>
        </label>
        <button type="button" onClick={askRegenerate} disabled={!taskId || generating}>{generating ? 'Asking the teacher…' : 'Regenerate with the teacher'}</button>
        {status && <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'ok-text'}>{status.text}</span>}
      </div>
      {task && <p className="small muted" data-testid="task-intent">{task.intent}</p>}
      {versions === null ? <p className="muted">Loading subgoals…</p> : (
        <div className="prompt-editor">
          <div>
            {base && <RunWithVersion key={`run-${base.id}`} set={base} unsaved={unsavedHere} />}
            <SubgoalEditor key={`editor-${taskId}-${base?.id ?? 'new'}`} taskId={taskId!} base={base} current={currentVersion(versions)} newest={versions[0] ?? null} onSave={save} />
            <SubgoalDiff key={`diff-${taskId}-${versions.length}`} versions={versions} />
          </div>
          <SubgoalVersions versions={versions} selected={base?.version ?? null} onPick={pick} />
        </div>
      )}
      {dialog}
    </section>
  );
}
