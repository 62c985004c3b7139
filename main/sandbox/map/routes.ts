// Request handling for the map: GET pages and POST forms (every POST answers 303 See Other to a GET page).
// Directions and nearby searches typed with other capitalisation or spacing redirect to the canonical URL,
// so a URL check sees one spelling whatever the agent typed.
import type { SiteModule, SiteRequest, SiteResponse } from '../site';
import { findPlaceByName, getMapData, type MapData } from './data';
import { modeById, TRAVEL_MODES } from './geo';
import { DEFAULT_RADIUS, RADII, hasCriteria, parseSearchQuery } from './query';
import { checkMapState, freshMapState, isSavedList, recordSearch, removeSaved, savePlace, type MapState } from './state';
import { renderDirections } from './views/directions';
import { directionsHref, mapPaths, nearbyHref } from './views/layout';
import { renderNearby } from './views/nearby';
import { renderHome, renderNotFound, renderRecent, renderStaticPage } from './views/pages';
import { renderPlace } from './views/place';
import { renderSaved } from './views/saved';
import { renderSearch, searchHref, searchLabel } from './views/search';
import { orNotFound, pathParts } from '../route-kit';

type MapRequest = SiteRequest<MapData, MapState>;

const ok = (html: string): SiteResponse => ({ status: 200, html });
const see = (redirect: string): SiteResponse => ({ status: 303, redirect });

function directions(req: MapRequest, flash: MapState['flash']): SiteResponse {
  const { data, state, query } = req;
  const fromText = (query.get('from') ?? '').trim();
  const toText = (query.get('to') ?? '').trim();
  const mode = modeById(query.get('mode')) ?? TRAVEL_MODES[0];
  const from = findPlaceByName(data, fromText);
  const to = findPlaceByName(data, toText);
  const canonicalFrom = from?.name ?? fromText;
  const canonicalTo = to?.name ?? toText;
  if ((from && from.name !== query.get('from')) || (to && to.name !== query.get('to'))) {
    return see(directionsHref(canonicalFrom, canonicalTo, query.has('mode') ? mode.id : undefined));
  }
  return ok(renderDirections(data, state, { fromText, toText, mode, from, to }, flash));
}

function nearbyPage(req: MapRequest, flash: MapState['flash']): SiteResponse {
  const { data, state, query } = req;
  const placeText = (query.get('place') ?? '').trim();
  const place = findPlaceByName(data, placeText);
  const category = data.categories.some((c) => c.id === query.get('category')) ? query.get('category')! : '';
  const radius = RADII.find((r) => String(r) === query.get('radius')) ?? DEFAULT_RADIUS;
  if (place && place.name !== query.get('place')) {
    return see(nearbyHref(place.name, query.has('category') ? category : undefined, query.has('radius') ? radius : undefined));
  }
  const page = Math.max(1, Math.floor(Number(query.get('page')) || 1));
  return ok(renderNearby(data, state, { placeText, place, category, radius, page }, flash));
}

function handleGet(req: MapRequest, parts: string[]): SiteResponse | null {
  const { data, state } = req;
  const flash = state.flash.splice(0);
  const [head, second] = parts;
  if (parts.length === 0) return ok(renderHome(data, state, flash));
  if (parts.length === 1) {
    switch (head) {
      case 'search': {
        const query = parseSearchQuery(data, req.query);
        if (hasCriteria(query) && query.page === 1) {
          recordSearch(state, { query: searchHref({ ...query, page: 1 }).split('?')[1] ?? '', label: searchLabel(data, query) });
        }
        return ok(renderSearch(data, state, query, flash));
      }
      case 'directions': return directions(req, flash);
      case 'nearby': return nearbyPage(req, flash);
      case 'saved': return ok(renderSaved(data, state, isSavedList(req.query.get('list')) ? req.query.get('list')! : '', flash));
      case 'recent': return ok(renderRecent(data, state, flash));
    }
  }
  if (parts.length === 2 && head === 'place') {
    const p = data.placeBySlug.get(second);
    return p ? ok(renderPlace(data, state, p, flash)) : null;
  }
  if (parts.length === 2 && head === 'page') {
    const page = renderStaticPage(data, state, second, flash);
    return page ? ok(page) : null;
  }
  return null;
}

function handlePost(req: MapRequest, parts: string[]): SiteResponse | null {
  const { data, state, form } = req;
  const path = parts.join('/');
  if (path === 'recent/clear') {
    state.recent = [];
    state.flash.push({ kind: 'success', text: 'Your search history has been cleared.' });
    return see(mapPaths.recent);
  }
  const place = data.placeById.get(Number(form.get('place')));
  if (path === 'saved/add') {
    if (!place) return see(mapPaths.saved);
    const list = form.get('list');
    if (!isSavedList(list)) {
      state.flash.push({ kind: 'error', text: 'Please choose a list.' });
      return see(mapPaths.place(place));
    }
    const outcome = savePlace(state, place, list);
    const text = outcome === 'added' ? `${place.name} was saved to ${list}.` : outcome === 'moved' ? `${place.name} was moved to ${list}.` : `${place.name} is already in ${list}.`;
    state.flash.push({ kind: 'success', text });
    return see(mapPaths.place(place));
  }
  if (path === 'saved/remove') {
    if (place && removeSaved(state, place)) state.flash.push({ kind: 'success', text: `${place.name} was removed from your saved places.` });
    return see(mapPaths.saved);
  }
  return null;
}

export function handleMap(req: MapRequest): SiteResponse {
  const parts = pathParts(req.path);
  const res = req.method === 'POST' ? handlePost(req, parts) : req.method === 'GET' || req.method === 'HEAD' ? handleGet(req, parts) : null;
  return orNotFound(req.method, res, () => renderNotFound(req.data, req.state));
}
