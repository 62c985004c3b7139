import { useEffect, useMemo, useState } from 'react';
import type { TaskRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { useWorkbench } from '../../stores/workbench-store';

/** Sandbox families and their instances per site (issue 4's task browser): pick instances, run the oracle
 * (or the wrong baseline) on them, and watch the run in the runs view. */
export function TaskBrowser() {
  const [tasks, setTasks] = useState<TaskRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [policy, setPolicy] = useState('oracle');
  const [concurrency, setConcurrency] = useState(1);
  const navigate = useWorkbench((s) => s.navigate);

  useEffect(() => {
    getClient().listTasks().then(setTasks, (err: Error) => setError(err.message));
  }, []);

  const families = useMemo(() => {
    const bySite = new Map<string, Map<string, TaskRecord[]>>();
    for (const t of tasks ?? []) {
      if (t.source !== 'sandbox' || !t.family) continue;
      const site = t.family.split('/')[0];
      const fams = bySite.get(site) ?? new Map<string, TaskRecord[]>();
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

  const start = async () => {
    try {
      const { runId } = await getClient().startRun({ taskIds: [...selected], policy, concurrency });
      navigate({ view: 'run', runId });
    } catch (err) {
      setError((err as Error).message);
    }
  };

  if (!tasks && !error) return <p className="muted">Loading tasks…</p>;
  return (
    <section aria-labelledby="tasks-heading">
      <h1 id="tasks-heading">Sandbox tasks</h1>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="run-bar" role="group" aria-label="Run selected tasks">
        <label>Policy <select value={policy} onChange={(e) => setPolicy(e.target.value)}><option value="oracle">oracle</option><option value="wrong">wrong (baseline)</option></select></label>
        <label>Parallel episodes <input type="number" min={1} max={8} value={concurrency} onChange={(e) => setConcurrency(Math.max(1, Number(e.target.value) || 1))} /></label>
        <button type="button" disabled={selected.size === 0} onClick={() => void start()}>Run {selected.size} selected</button>
      </div>
      {families.map(([site, fams]) => (
        <section key={site} className="panel" aria-label={`Site ${site}`}>
          <h2>{site} · {fams.size} families</h2>
          {[...fams.entries()].map(([family, instances]) => (
            <details key={family} data-testid="family">
              <summary>{family} <span className="muted small">({instances.length} instances)</span></summary>
              <ul className="instances">
                {instances.map((t) => (
                  <li key={t.id}>
                    <label>
                      <input type="checkbox" checked={selected.has(t.id)} onChange={() => toggle(t.id)} aria-label={`Select ${t.id}`} />
                      <span className={`badge ${t.split === 'test' ? 'warn' : ''}`}>{t.split}</span> {t.intent}
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      ))}
    </section>
  );
}
