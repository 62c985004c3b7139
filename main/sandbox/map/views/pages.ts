// Home page (browse by category and city, recent searches), recent-search history, static pages, 404.
import { html } from '../../html';
import type { MapData } from '../data';
import type { MapState } from '../state';
import { STATIC_PAGES, mapLayout, mapPaths } from './layout';
import { searchHref } from './search';

function recentList(state: MapState) {
  return state.recent.length
    ? html`<ul id="recent-searches">${state.recent.map((r) => html`<li><a href="${mapPaths.search}?${r.query}">${r.label}</a></li>`)}</ul>`
    : html`<p class="muted">No recent searches.</p>`;
}

export function renderHome(data: MapData, state: MapState, flash: MapState['flash']): string {
  const counts = (pred: (city: string, cat: string) => boolean) => data.places.filter((p) => pred(p.city, p.category)).length;
  const body = html`<h1>Welcome to OpenTownMap</h1>
  <p>The free map of ${data.cities.join(', ')}. Search for a place, get directions or find what is nearby.</p>
  <h2>Browse by category</h2><ul>${data.categories.map((c) =>
    html`<li><a href="${searchHref({ category: c.id })}">${c.plural}</a> <span class="muted">(${counts((_, cat) => cat === c.id)})</span></li>`)}</ul>
  <h2>Browse by city</h2><ul>${data.cities.map((city) =>
    html`<li><a href="${searchHref({ city })}">Places in ${city}</a> <span class="muted">(${counts((c) => c === city)})</span></li>`)}</ul>`;
  const sidebar = html`<h2>Recent searches</h2>${recentList(state)}
    <h2>Map layers</h2><form method="get" action="${mapPaths.home}"><label for="layer">Map layer</label>
    <select id="layer" name="layer"><option>Standard</option><option>Cycle Map</option><option>Transport Map</option></select>
    <button type="submit">Change layer</button></form>`;
  return mapLayout({ data, state, flash, title: 'Home', body, sidebar });
}

export function renderRecent(data: MapData, state: MapState, flash: MapState['flash']): string {
  const body = html`<h1>Recent searches</h1>${recentList(state)}
    <form method="post" action="${mapPaths.recent}/clear"><button type="submit">Clear history</button></form>`;
  return mapLayout({ data, state, flash, title: 'Recent searches', body });
}

export function renderStaticPage(data: MapData, state: MapState, slug: string, flash: MapState['flash']): string | null {
  const page = STATIC_PAGES[slug];
  if (!page) return null;
  const body = html`<h1>${page.title}</h1>${page.text.map((t) => html`<p>${t}</p>`)}<p><a href="${mapPaths.home}">Back to the map</a></p>`;
  return mapLayout({ data, state, flash, title: page.title, body });
}

export function renderNotFound(data: MapData, state: MapState): string {
  const body = html`<h1>Not found</h1><p>Sorry, nothing is mapped at this address.</p><p><a href="${mapPaths.home}">Back to the map</a></p>`;
  return mapLayout({ data, state, title: 'Not found', body });
}
