import { useEffect, useMemo } from 'react';
import { BarChart } from '../../components/charts/BarChart';
import { OutcomeBadge } from '../../components/Outcome';
import { useWorkbench } from '../../stores/workbench-store';
import { applyFilters, failureOf, filterOptions, perSite, sortEpisodes } from './episode-filters';
import { EpisodeFilterBar } from './EpisodeFilterBar';
import { SortHeader } from './SortHeader';

/** Every recorded episode, filtered (site, outcome, failure mode, policy, phase) and sorted by any column,
 * with the per-site solve rate of what is shown; a row opens the replay. Refreshes live on episode events. */
export function EpisodeList() {
  const episodes = useWorkbench((s) => s.episodes);
  const error = useWorkbench((s) => s.episodesError);
  const loadEpisodes = useWorkbench((s) => s.loadEpisodes);
  const runList = useWorkbench((s) => s.runs);
  const loadRuns = useWorkbench((s) => s.loadRuns);
  const filters = useWorkbench((s) => s.filters);
  const setFilters = useWorkbench((s) => s.setFilters);
  const sort = useWorkbench((s) => s.sort);
  const setSort = useWorkbench((s) => s.setSort);
  const navigate = useWorkbench((s) => s.navigate);

  useEffect(() => {
    void loadEpisodes();
    void loadRuns();
  }, [loadEpisodes, loadRuns]);

  const runs = useMemo(() => new Map(runList.map((r) => [r.id, r])), [runList]);
  const options = useMemo(() => filterOptions(episodes, runs), [episodes, runs]);
  const shown = useMemo(() => sortEpisodes(applyFilters(episodes, filters, runs), sort), [episodes, filters, runs, sort]);
  const sites = useMemo(() => perSite(shown), [shown]);
  const header = (label: string, key: Parameters<typeof SortHeader>[0]['sortKey']) => <SortHeader label={label} sortKey={key} sort={sort} onSort={setSort} />;

  return (
    <section aria-labelledby="episodes-heading">
      <h1 id="episodes-heading">Episodes</h1>
      {error && <p role="alert" className="error">Could not load episodes: {error}</p>}
      {!error && episodes.length === 0 && <p className="muted">No episodes yet. Run one with <code>npm run cli -- run --policy oracle</code>.</p>}
      {episodes.length > 0 && (
        <>
          <EpisodeFilterBar filters={filters} options={options} onChange={setFilters} shown={shown.length} total={episodes.length} />
          {sites.length > 0 && (
            <BarChart
              title="Solved per site (shown episodes)"
              testId="episode-site-chart"
              max={1}
              bars={sites.map((s) => ({ label: s.site, value: s.solved / s.total, caption: `${s.solved}/${s.total} (${((100 * s.solved) / s.total).toFixed(0)}%)` }))}
            />
          )}
          <table className="grid" data-testid="episode-table" aria-label="Episodes">
            <thead>
              <tr>
                {header('Task', 'task')}
                {header('Site', 'site')}
                {header('Policy', 'policy')}
                {header('Outcome', 'outcome')}
                {header('Failure mode', 'failure')}
                {header('Score', 'score')}
                {header('Steps', 'steps')}
                <th scope="col">Stop reason</th>
                {header('Started', 'started')}
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id} data-testid="episode-row" onClick={() => navigate({ view: 'replay', episodeId: e.id, step: 0 })}>
                  <td>
                    <a href={`#/episode/${e.id}/step/0`} onClick={(ev) => ev.preventDefault()} title={e.taskId}>
                      {e.intent || e.taskId}
                    </a>
                  </td>
                  <td>{e.sites.join(', ')}</td>
                  <td>{e.policy}</td>
                  <td><OutcomeBadge episode={e} /></td>
                  <td>{failureOf(e).replace(/_/g, ' ') || '—'}</td>
                  <td>{e.score ?? '—'}</td>
                  <td>{e.stepCount}</td>
                  <td>{e.stopReason ?? '—'}</td>
                  <td>{new Date(e.createdAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
