import { useEffect, useMemo, useState } from 'react';
import type { TaskSummary } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { loadRegistries } from '../../api/registries';
import { useWorkbench } from '../../stores/workbench-store';
import { defaultChoice, PolicyFields, requestFields, type PolicyChoice } from '../../components/PolicyFields';
import { ConcurrencyField } from './ConcurrencyField';

/** Sandbox families and their instances per site (issue 4's task browser): pick instances, run any policy on
 * them (with one task: a pinned subgoal version, issue 21), and watch the run in the runs view. */
const TASK_PAGE = 500;

export function TaskBrowser() {
  const [tasks, setTasks] = useState<TaskSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [choice, setChoice] = useState<PolicyChoice>(defaultChoice());
  // The machine's default (as many episodes as its cores keep fed) until the person sets a number (null: not set).
  const [chosenConcurrency, setConcurrency] = useState<number | null>(null);
  const [machineDefault, setMachineDefault] = useState<number | null>(null);
  const [concurrencyValid, setConcurrencyValid] = useState(true);
  const concurrency = chosenConcurrency ?? machineDefault ?? 1;
  // Instances stored only for training jobs (their rollouts and test splits, issue 17) are not the person's
  // tasks: left out unless asked for, with their count on the toggle.
  const [showTraining, setShowTraining] = useState(false);
  const [trainingCount, setTrainingCount] = useState(0);
  const navigate = useWorkbench((s) => s.navigate);

  // The list comes in pages (the API caps each message); "Load more" appends the next.
  const loadPage = (offset: number, includeTraining = showTraining) => getClient().listTasks({ source: 'sandbox', offset, limit: TASK_PAGE, includeTraining }).then((page) => {
    setTasks((prev) => [...(offset === 0 ? [] : prev ?? []), ...page.tasks]);
    setTotal(page.total);
    setTrainingCount(page.trainingInstances);
  }, (err: Error) => setError(err.message));
  useEffect(() => void loadPage(0), []);
  useEffect(() => {
    void getClient().info().then((info) => setMachineDefault(info.defaultConcurrency), () => undefined);
  }, []);
  const toggleTraining = (show: boolean) => {
    setShowTraining(show);
    if (!show) setSelected((prev) => new Set([...prev].filter((id) => !tasks?.some((t) => t.id === id && t.training))));
    void loadPage(0, show);
  };

  const families = useMemo(() => {
    const bySite = new Map<string, Map<string, TaskSummary[]>>();
    for (const t of tasks ?? []) {
      if (t.source !== 'sandbox' || !t.family) continue;
      const site = t.family.split('/')[0];
      const fams = bySite.get(site) ?? new Map<string, TaskSummary[]>();
      fams.set(t.family, [...(fams.get(t.family) ?? []), t]);
      bySite.set(site, fams);
    }
    return [...bySite.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [tasks]);

  const toggle = (id: string) => setSelected((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  // A baseline is usually run on a whole family: one click ticks (or unticks) all its instances.
  const toggleFamily = (ids: string[]) => setSelected((prev) => {
    const next = new Set(prev);
    const all = ids.every((id) => next.has(id));
    for (const id of ids) {
      if (all) next.delete(id);
      else next.add(id);
    }
    return next;
  });
  // A failed start's message belongs to the policy it was about: another choice clears it.
  const choose = (next: PolicyChoice) => {
    if (next.policy !== choice.policy) setError(null);
    setChoice(next);
  };

  // A subgoal version belongs to one task: offered when exactly one is selected.
  const single = selected.size === 1 ? [...selected][0] : null;
  const start = async () => {
    try {
      const { runId } = await getClient().startRun({ taskIds: [...selected], policy: choice.policy, concurrency, ...requestFields(single ? choice : { ...choice, subgoalSetId: '' }, await loadRegistries()) });
      navigate({ view: 'run', runId });
    } catch (err) {
      setError((err as Error).message);
    }
  };

  if (!tasks && !error) return <p className="muted">Loading tasks…</p>;
  return (
    <section aria-labelledby="tasks-heading">
      <h1 id="tasks-heading">Sandbox tasks</h1>
      {trainingCount > 0 && (
        <p className="small muted">
          <label>
            <input type="checkbox" checked={showTraining} onChange={(e) => toggleTraining(e.target.checked)} /> Show training instances ({trainingCount})
          </label>{' '}
          — instances stored for training jobs' rollouts and test splits; their episodes open from the Training page.
        </p>
      )}
      <div className="run-bar sticky-bar" role="group" aria-label="Run selected tasks">
        <PolicyFields choice={choice} onChange={choose} taskId={single} idPrefix="run" />
        <ConcurrencyField value={concurrency} machineDefault={machineDefault} onChange={(n) => (setConcurrency(n), setConcurrencyValid(n !== null))} />
        <button type="button" disabled={selected.size === 0 || !concurrencyValid} onClick={() => void start()}>Run {selected.size} selected</button>
        {selected.size === 0 && <span className="muted small" data-testid="run-hint">Open a family below and tick the instances to run.</span>}
        {/* In the sticky bar, beside the button that was pressed: above it, a refused start scrolled out of sight
            with the list and the button seemed to do nothing. */}
        {error && (
          <p role="alert" className="error run-error">
            {error}
            {/* "…in Settings" (no LLM provider, a missing key): the way there, one click away. */}
            {/\bSettings\b/.test(error) && <> <a href="#/settings">Open Settings</a></>}
          </p>
        )}
      </div>
      {families.map(([site, fams]) => (
        <section key={site} className="panel" aria-label={`Site ${site}`}>
          <h2>{site} · {fams.size} families</h2>
          {[...fams.entries()].map(([family, instances]) => (
            <details key={family} data-testid="family">
              <summary>{family} <span className="muted small">({instances.length} instances)</span></summary>
              <ul className="instances">
                <li>
                  <label>
                    <input type="checkbox" checked={instances.every((t) => selected.has(t.id))} onChange={() => toggleFamily(instances.map((t) => t.id))} aria-label={`Select all of ${family}`} /> all {instances.length}
                  </label>
                </li>
                {instances.map((t) => (
                  <li key={t.id}>
                    <label>
                      <input type="checkbox" checked={selected.has(t.id)} onChange={() => toggle(t.id)} aria-label={`Select ${t.id}`} />
                      <span className={`badge ${t.split === 'test' ? 'warn' : ''}`}>{t.split}</span>{t.training && <span className="badge" title="Stored for a training job">training</span>} {t.intent}
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      ))}
      {tasks && tasks.length < total && (
        <p>
          <span className="muted small" data-testid="task-count">Showing {tasks.length} of {total} tasks </span>
          <button type="button" onClick={() => void loadPage(tasks.length)}>Load more tasks</button>
        </p>
      )}
    </section>
  );
}
