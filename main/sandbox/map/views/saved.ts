// The signed-in user's saved places, filterable by list, each with a Remove button.
import { html } from '../../html';
import { categoryById, type MapData } from '../data';
import type { MapState } from '../state';
import { SAVED_LISTS } from '../vocab';
import { mapLayout, mapPaths } from './layout';

export function renderSaved(data: MapData, state: MapState, list: string, flash: MapState['flash']): string {
  const entries = state.saved.filter((s) => !list || s.list === list);
  const filters = html`<p>Lists: <a href="${mapPaths.saved}">All</a> ${SAVED_LISTS.map((l) =>
    html`· <a href="${mapPaths.saved}?list=${encodeURIComponent(l)}">${l}</a> `)}</p>`;
  // Each entry's text starts with savedLine(name, list) from state.ts: program_html checks depend on it.
  const items = entries.map((s) => {
    const p = data.placeById.get(s.placeId)!;
    return html`<li><a href="${mapPaths.place(p)}">${p.name}</a> (${s.list}) <span class="muted">${categoryById(data, p.category)!.label}, ${p.city}</span>
      <form method="post" action="${mapPaths.saved}/remove"><input type="hidden" name="place" value="${p.id}">
      <button type="submit" aria-label="Remove ${p.name}">Remove</button></form></li>`;
  });
  const body = html`<h1>Saved places${list ? html` · ${list}` : ''}</h1>${filters}
    ${entries.length ? html`<ul id="saved-places">${items}</ul>` : html`<ul id="saved-places"></ul><p>You have no saved places${list ? ' in this list' : ''}.</p>`}`;
  return mapLayout({ data, state, flash, title: 'Saved places', body });
}
