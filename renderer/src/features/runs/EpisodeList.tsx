import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EpisodeListRow, EpisodePageQuery, RunSummary } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { StudyFilterBar } from '../episodes/StudyFilterBar';
import { mergeSeen, studyFacets } from '../episodes/study-facets';
import { BarChart } from '../../components/charts/BarChart';
import { rowAt, useEpisodeTable } from '../../stores/episode-table-store';
import { useWorkbench } from '../../stores/workbench-store';
import { EpisodeFilterBar } from './EpisodeFilterBar';
import { EpisodeTable } from './EpisodeTable';
import { readEpisodeUrlIntoStore, useEpisodeUrlSync } from './use-episode-url-sync';

const NO_OPTIONS = { site: [], failureMode: [], policy: [], phase: [] };

/** The table's query from the store's filters, sort and study query (one shape, so equal queries compare equal). */
const pageQueryOf = (query: EpisodePageQuery, filters: EpisodePageQuery['filters'], sort: EpisodePageQuery['sort']): EpisodePageQuery => ({ ...query, filters, sort });

// Opening the workbench on the episodes list asks for the first page while the app is still starting (issue 22:
// the table's first paint), instead of after React's first render; the table's own request then joins it.
{
  // A reload or pasted link names its filters and sort in the URL: the first page asks for those.
  readEpisodeUrlIntoStore();
  const start = useWorkbench.getState();
  if (start.route.view === 'episodes') void useEpisodeTable.getState().reload(pageQueryOf(start.query, start.filters, start.sort));
}

/** Every recorded episode: searched and filtered (text, family, run, versions, tag, site, outcome, failure
 * mode, policy, phase) and sorted by any column in the store, a page at a time as the windowed table scrolls
 * (issue 22 "Lists at scale"), with the total and the per-site solve rate of every match; a row opens the
 * replay. Refreshes live on episode and run events. */
export function EpisodeList() {
  const filters = useWorkbench((s) => s.filters);
  const setFilters = useWorkbench((s) => s.setFilters);
  const sort = useWorkbench((s) => s.sort);
  const setSort = useWorkbench((s) => s.setSort);
  const navigate = useWorkbench((s) => s.navigate);
  const loadEpisode = useWorkbench((s) => s.loadEpisode);
  const query = useWorkbench((s) => s.query);
  const setQuery = useWorkbench((s) => s.setQuery);
  const { answered, total, summary, pages, error, reload, ensureRows, applyEpisodeEvent } = useEpisodeTable();
  const [runSummaries, setRunSummaries] = useState<RunSummary[]>([]);
  const [seen, setSeen] = useState<EpisodeListRow[]>([]);

  const pageQuery = useMemo(() => pageQueryOf(query, filters, sort), [query, filters, sort]);
  const latest = useRef(pageQuery);
  latest.current = pageQuery;
  useEffect(() => void reload(pageQuery), [pageQuery, reload]);
  useEffect(() => {
    const client = getClient();
    const loadRuns = () => client.listRunSummaries().then(setRunSummaries, () => undefined);
    loadRuns();
    // A run event also comes for runs another process (the CLI) records (main/store/run-watch.ts).
    const offRun = client.on('run', () => {
      void reload(latest.current);
      loadRuns();
    });
    const offEpisode = client.on('episode', applyEpisodeEvent);
    return () => {
      offRun();
      offEpisode();
    };
  }, [reload, applyEpisodeEvent]);
  useEffect(() => setSeen((previous) => mergeSeen(previous, Object.values(pages).flat())), [pages]);
  // The summary comes with each first page; the facets it names stay until the next one brings its own.
  const [knownFacets, setKnownFacets] = useState<{ family: string[]; tag: string[] }>({ family: [], tag: [] });
  useEffect(() => void (summary?.facets && setKnownFacets(summary.facets)), [summary]);
  const facets = useMemo(() => studyFacets(seen, runSummaries, knownFacets), [seen, runSummaries, knownFacets]);
  const rowAtIndex = useCallback((index: number) => rowAt(pages, index), [pages]);
  useEpisodeUrlSync(summary?.options);

  const studyTotal = summary?.studyTotal ?? total;
  const studying = Object.keys(query).length > 0;
  return (
    <section aria-labelledby="episodes-heading">
      <h1 id="episodes-heading">Episodes</h1>
      {error && <p role="alert" className="error">Could not load episodes: {error}</p>}
      {(seen.length > 0 || studying) && <StudyFilterBar query={query} facets={facets} onChange={setQuery} />}
      {!error && answered && studyTotal === 0 && studying && <p className="muted" data-testid="no-matches">No episode matches the search and filters.</p>}
      {!error && answered && studyTotal === 0 && !studying && (
        // A first start lands here: point to the page that runs an episode, and to a short CLI run (without
        // --family the CLI runs every sandbox task, minutes of work).
        <p className="muted" data-testid="no-episodes">
          No episodes yet. Open <a href="#/tasks">Tasks</a>, tick a task and run the oracle (no API key needed), or from a terminal:{' '}
          <code>npm run cli -- run --policy oracle --family shop/cheapest-in-category</code>.
        </p>
      )}
      {answered && studyTotal > 0 && (
        <>
          <EpisodeFilterBar filters={filters} options={summary?.options ?? NO_OPTIONS} onChange={setFilters} shown={total} total={studyTotal} />
          {summary && summary.perSite.length > 0 && (
            <BarChart
              title="Solved per site (shown episodes)"
              testId="episode-site-chart"
              max={1}
              bars={summary.perSite.map((s) => ({ label: s.site, value: s.solved / s.total, caption: `${s.solved}/${s.total} (${((100 * s.solved) / s.total).toFixed(0)}%)` }))}
            />
          )}
          <EpisodeTable
            total={total}
            rowAt={rowAtIndex}
            onRange={ensureRows}
            sort={sort}
            onSort={setSort}
            onOpen={(episodeId) => navigate({ view: 'replay', episodeId, step: 0 })}
            onPress={(episodeId) => void loadEpisode(episodeId)}
            search={answered.search ?? ''}
          />
        </>
      )}
    </section>
  );
}
