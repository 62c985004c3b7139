import { useState } from 'react';
import type { TrainingJob, TrainingPhaseResult } from '../../../../main/api/training-types';
import { getClient } from '../../api/client';
import { useWorkbench } from '../../stores/workbench-store';
import { setForkCheckpoint } from './fork-prefill';
import { PhaseRollouts } from './PhaseRollouts';
import { testSplitRun } from './test-split-run';
import { isMultiSeed } from './seed-means';

/** A finished phase's checkpoint and what to do with it (issue 21): run the trained local policy on the
 * job's test split (a new run, opened live), or carry it to the next fork dialog. The core checks the path
 * is a checkpoint inside <dataDir>/training before anything runs (main/training/model/checkpoint-path.ts). */
export function PhaseCheckpoint({ job, phase }: { job: TrainingJob; phase: TrainingPhaseResult }) {
  const navigate = useWorkbench((s) => s.navigate);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'starting' } | { kind: 'error'; message: string } | { kind: 'fork' }>({ kind: 'idle' });
  const tests = job.testTaskIds ?? [];
  // Each seed of a multi-seed job has its own checkpoint: its buttons say which (issue 17).
  const seeded = isMultiSeed(job) && phase.seed !== undefined;
  const name = `${phase.variant}${seeded ? ` seed ${phase.seed}` : ''} phase ${phase.phase}`;
  // The same tasks under the same stop rules as the phase's own evaluation, so the two SRs compare.
  const testRun = testSplitRun(job, phase);
  const run = async () => {
    setState({ kind: 'starting' });
    try {
      const { runId } = await getClient().startRun(testRun.request);
      navigate({ view: 'run', runId });
    } catch (err) {
      setState({ kind: 'error', message: (err as Error).message });
    }
  };
  return (
    <div className="phase-checkpoint" data-testid="phase-checkpoint">
      <code className="small" title={phase.checkpoint} data-testid="checkpoint-path">{shortPath(phase.checkpoint, job.id)}</code>{' '}
      <button type="button" onClick={run} disabled={state.kind === 'starting' || tests.length === 0} aria-label={`Run ${name} on the test split`}
        title={tests.length === 0 ? 'This job\'s record has no test split (recorded before it was kept)' : `A local-policy run over the ${tests.length} test task(s) with this checkpoint, ${testRun.limit}`}>
        {state.kind === 'starting' ? 'Starting…' : 'Run on the test split'}
      </button>{' '}
      {tests.length > 0 && <span className="small muted" data-testid="test-split-limit">{testRun.limit}</span>}{' '}
      <button type="button" aria-label={`Fork with ${name}`} onClick={() => (setForkCheckpoint(phase.checkpoint), setState({ kind: 'fork' }))}>Fork with this policy</button>{' '}
      <PhaseRollouts phase={phase} />
      {state.kind === 'fork' && (
        <p className="small" role="status">
          The next fork dialog starts on the local policy with this checkpoint: open an episode and choose “Fork from this step”.{' '}
          <a href="#/" onClick={(e) => (e.preventDefault(), navigate({ view: 'episodes' }))}>Go to episodes</a>
        </p>
      )}
      {state.kind === 'error' && <p role="alert" className="error">{state.message}</p>}
    </div>
  );
}

/** The path from the job's folder on (`<job>/<variant>/phase-<n>.json`); the full path is the tooltip. */
function shortPath(path: string, jobId: string): string {
  const at = path.indexOf(jobId);
  return at >= 0 ? path.slice(at) : path;
}
