import { useEffect, useState } from 'react';
import type { EpisodeRecord, StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { ProgressBar } from '../../components/ProgressBar';
import type { VerdictRecord } from '../../../../main/api/contract';
import type { RunState } from '../../../../main/api/run-state';
import { LiveVerdicts } from './LiveVerdicts';
import { LiveLatestStep } from '../runs/LiveLatestStep';

const KEEP_VERDICTS = 50;

/** A run while it runs: the progress bar (the stored count, useRunState: right also when the page opens
 * mid-run) and, for the episode that acted last, its newest frame and action as they arrive (steps are
 * streamed as the core records them). */
export function LiveRun({ runId, state, stateError }: { runId: string; state: RunState | null; stateError: string | null }) {
  const [episodes, setEpisodes] = useState<Record<string, EpisodeRecord>>({});
  const [latest, setLatest] = useState<StepRecord | null>(null);
  const [verdicts, setVerdicts] = useState<VerdictRecord[]>([]);
  const [cancel, setCancel] = useState<'idle' | 'asked' | 'refused'>('idle');

  useEffect(() => {
    const client = getClient();
    const mine = new Set<string>();
    const offEpisode = client.on('episode', (e) => {
      if (e.runId !== runId) return;
      mine.add(e.id);
      setEpisodes((prev) => ({ ...prev, [e.id]: e }));
    });
    const offStep = client.on('step', (s) => mine.has(s.episodeId) && setLatest(s));
    const offVerdict = client.on('verdict', (v) => mine.has(v.episodeId) && setVerdicts((prev) => [v, ...prev].slice(0, KEEP_VERDICTS)));
    // Episodes that started before this view subscribed (subscribe first, then look, so none is missed).
    void client.listEpisodes({ runId }).then((list) => {
      for (const e of list) mine.add(e.id);
      setEpisodes((prev) => Object.fromEntries([...list.map((e) => [e.id, e] as const), ...Object.entries(prev)]));
    });
    return () => {
      offEpisode();
      offStep();
      offVerdict();
    };
  }, [runId]);

  const running = Object.values(episodes).filter((e) => e.status === 'running');
  return (
    <section className="panel live" aria-label="Live run" data-testid="live-run">
      <h2>Running</h2>
      {state ? <ProgressBar done={state.finished} total={state.total} label="Run progress" /> : !stateError && <p className="small muted">Reading the run's progress…</p>}
      {stateError && <p role="alert" className="error">Could not read the run's progress: {stateError}</p>}
      <p className="small muted">
        {running.length} episode(s) in progress{' '}
        <button type="button" onClick={() => getClient().cancelRun(runId).then((ok) => setCancel(ok ? 'asked' : 'refused'), () => setCancel('refused'))} disabled={cancel === 'asked'}>
          {cancel === 'asked' ? 'Cancelling…' : 'Cancel run'}
        </button>
        {cancel === 'refused' && <span role="alert" className="error"> This run is not running in this workbench process.</span>}
      </p>
      <LiveLatestStep latest={latest} episode={latest ? episodes[latest.episodeId] : undefined} seedsMatter={(state?.seedsPerTask ?? 1) > 1} nothingFinished={!state || state.finished === 0} />
      <LiveVerdicts verdicts={verdicts} />
    </section>
  );
}
