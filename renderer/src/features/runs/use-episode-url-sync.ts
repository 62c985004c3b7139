import { useEffect, useRef } from 'react';
import { parseRoute } from '../../stores/route';
import { useWorkbench } from '../../stores/workbench-store';
import type { EpisodeFilters } from './episode-filters';
import { NAMED_FILTERS, formatEpisodeUrlState, hashQuery, parseEpisodeUrlState, sameEpisodeUrlState } from './episode-url-state';

type Options = Record<(typeof NAMED_FILTERS)[number], string[]>;

/** Copies the filters and sort a URL names into the store; false when it names none (or is not the list). */
export function readEpisodeUrlIntoStore(): boolean {
  if (parseRoute(location.hash).view !== 'episodes') return false;
  const state = parseEpisodeUrlState(hashQuery(location.hash));
  if (!state) return false;
  const store = useWorkbench.getState();
  if (!sameEpisodeUrlState(state, store)) {
    store.setFilters(state.filters);
    store.setSort(state.sort);
  }
  return true;
}

/** Writes the store's filters and sort into the current history entry (replace: a filter change is no new
 * back-step), so a reload or a later back/forward to this entry finds them. */
function writeStoreIntoUrl() {
  if (parseRoute(location.hash).view !== 'episodes') return;
  const hash = formatEpisodeUrlState(useWorkbench.getState());
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

/** Keeps the episodes list's filters and sort and the URL's query in step while the list is shown. A URL that
 * names filters wins (a pasted link, back/forward); a bare `#/` (the top bar's link) keeps the store's and
 * gets them written in. Names the URL gave that the loaded options lack are dropped once the options come. */
export function useEpisodeUrlSync(options: Options | undefined) {
  const filters = useWorkbench((s) => s.filters);
  const sort = useWorkbench((s) => s.sort);
  // navigate() to the list while on it (the brand link) pushes a bare `#/` and fires no hashchange: re-sync.
  const route = useWorkbench((s) => s.route);
  const unchecked = useRef(false);

  useEffect(() => {
    const onLocation = () => {
      if (readEpisodeUrlIntoStore()) unchecked.current = true;
      else writeStoreIntoUrl();
    };
    onLocation();
    window.addEventListener('hashchange', onLocation);
    window.addEventListener('popstate', onLocation);
    return () => {
      window.removeEventListener('hashchange', onLocation);
      window.removeEventListener('popstate', onLocation);
    };
  }, [route]);

  useEffect(writeStoreIntoUrl, [filters, sort]);

  useEffect(() => {
    if (!options || !unchecked.current) return;
    unchecked.current = false;
    const current = useWorkbench.getState().filters;
    const unknown: Partial<EpisodeFilters> = {};
    for (const key of NAMED_FILTERS) if (current[key] && !options[key].includes(current[key])) unknown[key] = '';
    if (Object.keys(unknown).length > 0) useWorkbench.getState().setFilters(unknown);
  }, [options]);
}
