// Nearby search: places of a category within a radius of a named place, nearest first, with straight-line
// distances and a pager.
import { html, type SafeHtml } from '../../html';
import { categoryById, type MapData, type Place } from '../data';
import { formatKm } from '../geo';
import { NEARBY_PAGE_SIZE, RADII, nearby, radiusLabel } from '../query';
import type { MapState } from '../state';
import { mapLayout, mapPaths, nearbyHref, options, pager } from './layout';

export interface NearbyInput {
  placeText: string;
  place?: Place;
  category: string;
  radius: number;
  page: number;
}

function results(data: MapData, input: NearbyInput, origin: Place): SafeHtml {
  const hits = nearby(data, origin, input.category, input.radius);
  const what = input.category ? categoryById(data, input.category)!.plural.toLowerCase() : 'places';
  if (hits.length === 0) return html`<p class="msg error">No ${what} within ${radiusLabel(input.radius)} of ${origin.name}.</p>`;
  const pages = Math.ceil(hits.length / NEARBY_PAGE_SIZE);
  const page = Math.min(input.page, pages);
  const shown = hits.slice((page - 1) * NEARBY_PAGE_SIZE, page * NEARBY_PAGE_SIZE);
  return html`<h2>${hits.length} ${what} within ${radiusLabel(input.radius)} of ${origin.name}</h2>
    <table id="nearby-results"><thead><tr><th>Place</th><th>Category</th><th>Distance</th></tr></thead><tbody>${shown.map((h) =>
      html`<tr><td><a href="${mapPaths.place(h.place)}">${h.place.name}</a></td><td>${categoryById(data, h.place.category)!.label}</td><td>${formatKm(h.km, 2)}</td></tr>`)}</tbody></table>
    ${pager((n) => nearbyHref(origin.name, input.category, input.radius) + (n > 1 ? `&page=${n}` : ''), page, pages)}`;
}

export function renderNearby(data: MapData, state: MapState, input: NearbyInput, flash: MapState['flash']): string {
  const form = html`<form method="get" action="${mapPaths.nearby}" aria-label="Nearby search">
    <div class="field"><label for="n-place">Place</label><input id="n-place" type="text" name="place" value="${input.placeText}" placeholder="Place name" autocomplete="off"></div>
    <div class="field"><label for="n-category">Category</label><select id="n-category" name="category">${options(
      [{ value: '', label: 'All categories' }, ...data.categories.map((c) => ({ value: c.id, label: c.label }))], input.category)}</select></div>
    <div class="field"><label for="n-radius">Radius</label><select id="n-radius" name="radius">${options(
      RADII.map((r) => ({ value: r, label: radiusLabel(r) })), input.radius)}</select></div>
    <button type="submit">Search nearby</button></form>`;
  let result: SafeHtml | string = html`<p class="muted">Name a place to see what is around it (distances as the crow flies).</p>`;
  if (input.placeText && !input.place) result = html`<div class="msg error" role="alert">No place named “${input.placeText}” was found.</div>`;
  else if (input.place) result = results(data, input, input.place);
  const body = html`<h1>Nearby</h1>${form}${result}`;
  return mapLayout({ data, state, flash, title: 'Nearby', body });
}
