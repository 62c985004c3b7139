import { useEffect, useState } from 'react';
import type { EpisodeSummary } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { OutcomeBadge } from '../../components/Outcome';
import { useWorkbench } from '../../stores/workbench-store';

/** The run's episodes, each opening in replay (a fork's run lands here: its one episode is one click away). */
export function RunEpisodes({ runId }: { runId: string }) {
  const [episodes, setEpisodes] = useState<EpisodeSummary[]>([]);
  const navigate = useWorkbench((s) => s.navigate);
  useEffect(() => {
    let live = true;
    getClient().listEpisodes({ runId }).then((list) => live && setEpisodes(list), () => live && setEpisodes([]));
    return () => {
      live = false;
    };
  }, [runId]);
  if (episodes.length === 0) return null;
  return (
    <section className="panel" aria-label="Episodes of this run" data-testid="run-episodes">
      <h2>Episodes</h2>
      <ul className="plain">
        {episodes.map((e) => (
          <li key={e.id} className="small">
            <a href={`#/episode/${encodeURIComponent(e.id)}/step/0`} onClick={(ev) => (ev.preventDefault(), navigate({ view: 'replay', episodeId: e.id, step: 0 }))}>
              Open episode {e.id.slice(0, 8)}
            </a>{' '}
            <OutcomeBadge episode={e} /> · {e.policy} · {e.stepCount} steps
            {e.forkedFrom && <span className="muted"> · forked from {e.forkedFrom.episodeId.slice(0, 8)} at step {e.forkedFrom.step + 1}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
