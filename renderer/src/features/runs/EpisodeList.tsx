import { useEffect, useMemo, useState } from 'react';
import type { EpisodeSummary, RunSummary } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { StudyFilterBar } from '../episodes/StudyFilterBar';
import { mergeSeen, studyFacets } from '../episodes/study-facets';
import { BarChart } from '../../components/charts/BarChart';
import { OutcomeBadge } from '../../components/Outcome';
import { useWorkbench } from '../../stores/workbench-store';
import { applyFilters, failureOf, filterOptions, perSite, sortEpisodes } from './episode-filters';
import { EpisodeFilterBar } from './EpisodeFilterBar';
import { SortHeader } from './SortHeader';

/** Every recorded episode, searched and filtered in the store (text, family, run, versions, tag), then filtered
 * here (site, outcome, failure mode, policy, phase) and sorted by any column, with the per-site solve rate of
 * what is shown; a row opens the replay. Refreshes live on episode and run events. */
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
  const query = useWorkbench((s) => s.query);
  const shownQuery = useWorkbench((s) => s.episodesQuery);
  const setQuery = useWorkbench((s) => s.setQuery);
  const [runSummaries, setRunSummaries] = useState<RunSummary[]>([]);
  const [seen, setSeen] = useState<EpisodeSummary[]>([]);

  useEffect(() => {
    const client = getClient();
    const load = () => {
      void loadEpisodes();
      void loadRuns();
      client.listRunSummaries().then(setRunSummaries, () => undefined);
    };
    load();
    // A run event also comes for runs another process (the CLI) records (main/store/run-watch.ts).
    return client.on('run', load);
  }, [loadEpisodes, loadRuns]);
  useEffect(() => setSeen((previous) => mergeSeen(previous, episodes)), [episodes]);
  const facets = useMemo(() => studyFacets(seen, runSummaries), [seen, runSummaries]);

  const runs = useMemo(() => new Map(runList.map((r) => [r.id, r])), [runList]);
  const options = useMemo(() => filterOptions(episodes, runs), [episodes, runs]);
  const shown = useMemo(() => sortEpisodes(applyFilters(episodes, filters, runs), sort), [episodes, filters, runs, sort]);
  const sites = useMemo(() => perSite(shown), [shown]);
  const header = (label: string, key: Parameters<typeof SortHeader>[0]['sortKey']) => <SortHeader label={label} sortKey={key} sort={sort} onSort={setSort} />;

  return (
    <section aria-labelledby="episodes-heading">
      <h1 id="episodes-heading">Episodes</h1>
      {error && <p role="alert" className="error">Could not load episodes: {error}</p>}
      {(seen.length > 0 || Object.keys(query).length > 0) && <StudyFilterBar query={query} facets={facets} onChange={setQuery} />}
      {!error && episodes.length === 0 && Object.keys(query).length > 0 && <p className="muted" data-testid="no-matches">No episode matches the search and filters.</p>}
      {!error && episodes.length === 0 && Object.keys(query).length === 0 && <p className="muted">No episodes yet. Run one with <code>npm run cli -- run --policy oracle</code>.</p>}
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
          <table className="grid" data-testid="episode-table" aria-label="Episodes" data-search={shownQuery.search ?? ''}>
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
                <th scope="col">Tags</th>
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
                  <td>{e.sites.join(', ')}{e.family && <span className="muted small" data-testid="episode-family" title="Task family"> · {e.family}</span>}</td>
                  <td>{e.policy}</td>
                  <td><OutcomeBadge episode={e} /></td>
                  <td>{failureOf(e).replace(/_/g, ' ') || '—'}</td>
                  <td>{e.score ?? '—'}</td>
                  <td>{e.stepCount}</td>
                  <td>{e.stopReason ?? '—'}</td>
                  <td data-testid="episode-tags" title={e.note ?? undefined}>
                    {e.tags.map((t) => <span key={t} className="badge tag">{t}</span>)}
                    {e.note && <span className="muted small" aria-label={`Note: ${e.note}`}> ✎</span>}
                  </td>
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
