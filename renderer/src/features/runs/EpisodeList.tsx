import { useEffect } from 'react';
import { OutcomeBadge } from '../../components/Outcome';
import { useWorkbench } from '../../stores/workbench-store';

/** Every recorded episode, newest first; a row opens the replay. Refreshes live on episode events. */
export function EpisodeList() {
  const episodes = useWorkbench((s) => s.episodes);
  const error = useWorkbench((s) => s.episodesError);
  const loadEpisodes = useWorkbench((s) => s.loadEpisodes);
  const navigate = useWorkbench((s) => s.navigate);

  useEffect(() => {
    void loadEpisodes();
  }, [loadEpisodes]);

  return (
    <section aria-labelledby="episodes-heading">
      <h1 id="episodes-heading">Episodes</h1>
      {error && <p role="alert" className="error">Could not load episodes: {error}</p>}
      {!error && episodes.length === 0 && <p className="muted">No episodes yet. Run one with <code>npm run cli -- run --policy oracle</code>.</p>}
      {episodes.length > 0 && (
        <table className="grid" data-testid="episode-table">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Site</th>
              <th scope="col">Policy</th>
              <th scope="col">Outcome</th>
              <th scope="col">Score</th>
              <th scope="col">Steps</th>
              <th scope="col">Stop reason</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {episodes.map((e) => (
              <tr key={e.id} data-testid="episode-row" onClick={() => navigate({ view: 'replay', episodeId: e.id, step: 0 })}>
                <td>
                  <a href={`#/episode/${e.id}/step/0`} onClick={(ev) => ev.preventDefault()} title={e.taskId}>
                    {e.intent || e.taskId}
                  </a>
                </td>
                <td>{e.sites.join(', ')}</td>
                <td>{e.policy}</td>
                <td><OutcomeBadge episode={e} /></td>
                <td>{e.score ?? '—'}</td>
                <td>{e.stepCount}</td>
                <td>{e.stopReason ?? '—'}</td>
                <td>{new Date(e.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
