import { useState } from 'react';
import type { RunState } from '../../../../main/api/run-state';
import { getClient } from '../../api/client';
import { plural } from '../../components/plural';

const STATUS_TEXT: Record<Exclude<RunState['status'], 'finished' | 'running'>, string> = {
  interrupted: 'the run was cancelled, or its process stopped, before all its tasks had run.',
  error: 'the run ended with infrastructure failures: some tasks have no finished episode (left out of the rates below).',
};

/** A stopped run's report says so (interrupted, or infrastructure failures), how many of its planned tasks
 * never ran or were cut short, and offers Resume: the API's resumeRun, which runs what is unfinished in this
 * workbench (the CLI's `resume`). A refusal (already running elsewhere, a task gone) is shown as it came. */
export function RunStatusBanner({ state, onResumed }: { state: RunState; onResumed: () => void }) {
  const [resume, setResume] = useState<'idle' | 'asked'>('idle');
  const [refusal, setRefusal] = useState<string | null>(null);
  if (state.status === 'finished' || state.status === 'running') return null;
  const unit = state.seedsPerTask > 1 ? 'episode' : 'task';
  const cut = state.total - state.finished - state.running - state.notStarted;
  const unfinished = state.total - state.finished;
  const doResume = () => {
    setResume('asked');
    setRefusal(null);
    getClient().resumeRun(state.runId).then(onResumed, (err: Error) => {
      setRefusal(err.message);
      setResume('idle');
    });
  };
  return (
    <div className="panel" role="status" aria-label="Run status" data-testid="run-status">
      <p><strong>Status: {state.status}</strong> — {STATUS_TEXT[state.status]}</p>
      <p data-testid="run-unfinished">
        {state.finished} of the {plural(state.total, `planned ${unit}`)} finished; {state.notStarted} never ran
        {cut > 0 ? `, ${cut} ${cut === 1 ? 'was' : 'were'} cut short` : ''}.
      </p>
      {state.resumeRefusal === null ? (
        <p className="small">
          <button type="button" onClick={doResume} disabled={resume === 'asked' || unfinished === 0}>
            {resume === 'asked' ? 'Resuming…' : 'Resume'}
          </button>{' '}
          runs the {plural(unfinished, `unfinished ${unit}`)} again here; finished episodes are kept.
        </p>
      ) : (
        <p className="small muted">{state.resumeRefusal}</p>
      )}
      {refusal && <p role="alert" className="error" data-testid="resume-error">Could not resume: {refusal}</p>}
    </div>
  );
}
