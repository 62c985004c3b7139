import { useCallback, useEffect, useRef, useState } from 'react';
import type { EpisodeRecord, StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { ProgressBar } from '../../components/ProgressBar';
import type { VerdictRecord } from '../../../../main/api/contract';
import type { RunState } from '../../../../main/api/run-state';
import { LiveVerdicts } from './LiveVerdicts';
import { LiveLatestStep } from '../runs/LiveLatestStep';
import { liveEpisodeName } from '../runs/live-progress';
import { plural } from '../../components/plural';

const KEEP_VERDICTS = 50;

/** A run while it runs: the progress bar (the stored count, useRunState: right also when the page opens
 * mid-run) and, for the episode that acted last, its newest frame and action as they arrive (steps are
 * streamed as the core records them). */
export function LiveRun({ runId, state, stateError }: { runId: string; state: RunState | null; stateError: string | null }) {
  const [episodes, setEpisodes] = useState<Record<string, EpisodeRecord>>({});
  const [latest, setLatest] = useState<StepRecord | null>(null);
  const [verdicts, setVerdicts] = useState<VerdictRecord[]>([]);
  const [cancel, setCancel] = useState<'idle' | 'asked' | 'refused'>('idle');
  // Task intents by task id (episode events carry no intent; the list does): episodes are named by them.
  const [intents, setIntents] = useState<Record<string, string>>({});
  const asked = useRef(new Set<string>());

  useEffect(() => {
    const client = getClient();
    const mine = new Set<string>();
    asked.current = new Set();
    const readIntents = () =>
      client.listEpisodes({ runId }).then((list) => {
        setIntents((prev) => ({ ...prev, ...Object.fromEntries(list.map((e) => [e.taskId, e.intent])) }));
        return list;
      });
    const offEpisode = client.on('episode', (e) => {
      if (e.runId !== runId) return;
      mine.add(e.id);
      setEpisodes((prev) => ({ ...prev, [e.id]: e }));
      // A task first seen now: its intent is in the list once the episode is stored (read once per task).
      if (!asked.current.has(e.taskId)) {
        asked.current.add(e.taskId);
        void readIntents().catch(() => undefined);
      }
    });
    const offStep = client.on('step', (s) => mine.has(s.episodeId) && setLatest(s));
    const offVerdict = client.on('verdict', (v) => mine.has(v.episodeId) && setVerdicts((prev) => [v, ...prev].slice(0, KEEP_VERDICTS)));
    // Episodes that started before this view subscribed (subscribe first, then look, so none is missed).
    void readIntents().then((list) => {
      for (const e of list) (mine.add(e.id), asked.current.add(e.taskId));
      setEpisodes((prev) => Object.fromEntries([...list.map((e) => [e.id, e] as const), ...Object.entries(prev)]));
    });
    return () => {
      offEpisode();
      offStep();
      offVerdict();
    };
  }, [runId]);

  const running = Object.values(episodes).filter((e) => e.status === 'running');
  const nameOf = useCallback((episodeId: string) => liveEpisodeName(episodes[episodeId], episodeId, intents[episodes[episodeId]?.taskId]), [episodes, intents]);
  return (
    <section className="panel live" aria-label="Live run" data-testid="live-run">
      <h2>Running</h2>
      {state ? <ProgressBar done={state.finished} total={state.total} label="Run progress" /> : !stateError && <p className="small muted">Reading the run's progress…</p>}
      {stateError && <p role="alert" className="error">Could not read the run's progress: {stateError}</p>}
      <p className="small muted">
        {plural(running.length, 'episode')} in progress{' '}
        <button type="button" onClick={() => getClient().cancelRun(runId).then((ok) => setCancel(ok ? 'asked' : 'refused'), () => setCancel('refused'))} disabled={cancel === 'asked'}>
          {cancel === 'asked' ? 'Cancelling…' : 'Cancel run'}
        </button>
        {cancel === 'refused' && <span role="alert" className="error"> This run is not running in this workbench process.</span>}
      </p>
      <LiveLatestStep latest={latest} episode={latest ? episodes[latest.episodeId] : undefined} name={latest ? nameOf(latest.episodeId) : ''} seedsMatter={(state?.seedsPerTask ?? 1) > 1} nothingFinished={!state || state.finished === 0} />
      <LiveVerdicts verdicts={verdicts} nameOf={nameOf} />
    </section>
  );
}
