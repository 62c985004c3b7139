import { useState } from 'react';
import type { SubgoalSet } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { isLlmPolicy, useRegistries } from '../../api/registries';
import { policyOptions } from '../../components/PolicyFields';
import { useWorkbench } from '../../stores/workbench-store';

/** "Re-run with corrected subgoals" (issue 21): runs the task with an LLM policy on exactly this version,
 * pinned by id, so a later save or regeneration does not change what the run acts on and is judged against.
 * With unsaved edits in the editor it says that the run takes the version as saved, not the edits. */
export function RunWithVersion({ set, unsaved = false }: { set: SubgoalSet; unsaved?: boolean }) {
  const navigate = useWorkbench((s) => s.navigate);
  const registries = useRegistries();
  const [policy, setPolicy] = useState('sgo');
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const run = async () => {
    setStarting(true);
    setError(null);
    try {
      const { runId } = await getClient().startRun({ taskIds: [set.taskId], policy, subgoalSetId: set.id });
      navigate({ view: 'run', runId });
    } catch (err) {
      setError((err as Error).message);
      setStarting(false);
    }
  };

  return (
    <div className="run-bar" role="group" aria-label="Run with this version">
      <label>Policy{' '}
        <select value={policy} onChange={(e) => setPolicy(e.target.value)}>
          {policyOptions(registries).filter((p) => isLlmPolicy(registries, p.value)).map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => void run()} disabled={starting}>{starting ? 'Starting…' : `Run ${policy} with v${set.version}`}</button>
      {unsaved && <span className="small muted" data-testid="run-unsaved-note">Runs v{set.version} as saved: your unsaved edits are not in it (save them to run them).</span>}
      {/* "…in Settings" (no LLM provider, a missing key): the way there, one click away, as on the Tasks page. */}
      {error && <span role="alert" className="error small">{error}{/\bSettings\b/.test(error) && <> <a href="#/settings">Open Settings</a></>}</span>}
    </div>
  );
}
