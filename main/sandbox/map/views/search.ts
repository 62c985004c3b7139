// Search results: a refine form (category, city, sort), the result list with counts and a numbered pager.
import { html, queryString } from '../../html';
import { categoryById, type MapData, type Place } from '../data';
import { SORTS, SEARCH_PAGE_SIZE, searchPlaces, type SearchQuery } from '../query';
import type { MapState } from '../state';
import { mapLayout, mapPaths, options, pager } from './layout';

/** The URL of a search, fields in the refine form's order (q, category, city, sort), page 1 left out. */
export function searchHref(query: Partial<SearchQuery>): string {
  return mapPaths.search + queryString({ q: query.q, category: query.category, city: query.city, sort: query.sort === 'name' ? undefined : query.sort, page: query.page && query.page > 1 ? query.page : undefined });
}

/** How a search is listed under recent searches. */
export function searchLabel(data: MapData, query: SearchQuery): string {
  const what = [query.q ? `"${query.q}"` : '', query.category ? categoryById(data, query.category)!.plural : ''].filter(Boolean).join(' ');
  return `${what || 'Places'}${query.city ? ` in ${query.city}` : ''}`;
}

export function placeSummary(data: MapData, p: Place): string {
  return `${categoryById(data, p.category)?.label} · ${p.street}, ${p.city} · Rating ${p.rating.toFixed(1)} (${p.reviews} reviews)`;
}

export function renderSearch(data: MapData, state: MapState, query: SearchQuery, flash: MapState['flash']): string {
  const result = searchPlaces(data, query);
  const first = (result.page - 1) * SEARCH_PAGE_SIZE + 1;
  const refine = html`<form method="get" action="${mapPaths.search}" aria-label="Refine search">
    <input type="hidden" name="q" value="${query.q}">
    <div class="field"><label for="f-category">Category</label><select id="f-category" name="category">${options(
      [{ value: '', label: 'All categories' }, ...data.categories.map((c) => ({ value: c.id, label: c.label }))], query.category)}</select></div>
    <div class="field"><label for="f-city">City</label><select id="f-city" name="city">${options(
      [{ value: '', label: 'All cities' }, ...data.cities.map((c) => ({ value: c, label: c }))], query.city)}</select></div>
    <div class="field"><label for="f-sort">Sort by</label><select id="f-sort" name="sort">${options(
      SORTS.map((s) => ({ value: s.id, label: s.label })), query.sort)}</select></div>
    <button type="submit">Apply filters</button></form>`;
  const list = result.total === 0
    ? html`<p class="msg error">No places found. Check the spelling or try a category.</p>`
    : html`<p>Results ${first}-${first + result.items.length - 1} of ${result.total}</p>
      <ol class="results" id="search-results" start="${first}">${result.items.map((p) =>
        html`<li><a href="${mapPaths.place(p)}">${p.name}</a><div class="muted">${placeSummary(data, p)}</div></li>`)}</ol>
      ${pager((page) => searchHref({ ...query, page }), result.page, result.pages)}`;
  const body = html`<h1>Search results${query.q ? html` for “${query.q}”` : ''}</h1>${list}`;
  return mapLayout({ data, state, flash, title: 'Search', body, sidebar: html`<h2>Refine</h2>${refine}`, q: query.q });
}
