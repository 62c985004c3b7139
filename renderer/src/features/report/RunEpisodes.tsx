import { OutcomeBadge } from '../../components/Outcome';
import { useWorkbench } from '../../stores/workbench-store';
import { episodeInstruction } from '../episodes/instruction';
import { useRunEpisodes } from './use-run-episodes';

/** The run's episodes, each named by what the agent was asked (as the episodes table and the run comparison
 * name them; an id alone tells a person nothing) and opening in replay (a fork's run lands here: its one
 * episode is one click away). */
export function RunEpisodes({ runId }: { runId: string }) {
  const episodes = useRunEpisodes(runId);
  const navigate = useWorkbench((s) => s.navigate);
  if (episodes.length === 0) return null;
  return (
    <section className="panel" aria-label="Episodes of this run" data-testid="run-episodes">
      <h2>Episodes</h2>
      <ul className="plain">
        {episodes.map((e) => (
          <li key={e.id} className="small">
            <a
              href={`#/episode/${encodeURIComponent(e.id)}/step/0`}
              aria-label={`${episodeInstruction(e, e)} — Open episode ${e.id.slice(0, 8)}`}
              onClick={(ev) => (ev.preventDefault(), navigate({ view: 'replay', episodeId: e.id, step: 0 }))}
            >
              {episodeInstruction(e, e)}
            </a>{' '}
            <OutcomeBadge episode={e} /> · {e.policy} · {e.stepCount} steps
            <span className="muted"> · {e.taskId} · episode {e.id.slice(0, 8)}</span>
            {e.forkedFrom && <span className="muted"> · forked from {e.forkedFrom.episodeId.slice(0, 8)} at step {e.forkedFrom.step + 1}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
