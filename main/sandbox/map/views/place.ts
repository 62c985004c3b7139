// A place page: details table (category, address, coordinates, hours, rating), links to directions and
// nearby search, the save-to-list form, and a "popular in this city" sidebar as a distractor.
import { html } from '../../html';
import { categoryById, type MapData, type Place } from '../data';
import { formatCoordinates } from '../geo';
import type { MapState } from '../state';
import { SAVED_LISTS } from '../vocab';
import { directionsHref, locatorMap, mapLayout, mapPaths, nearbyHref, options } from './layout';
import { searchHref } from './search';

function saveForm(state: MapState, p: Place) {
  const entry = state.saved.find((s) => s.placeId === p.id);
  return html`<section aria-labelledby="save-h"><h2 id="save-h">Save this place</h2>
    ${entry ? html`<p id="saved-status">Saved in ${entry.list}</p>` : html`<p id="saved-status" class="muted">Not saved yet</p>`}
    <form method="post" action="${mapPaths.saved}/add"><input type="hidden" name="place" value="${p.id}">
      <div class="field"><label for="save-list">List</label><select id="save-list" name="list">${options(
        SAVED_LISTS.map((l) => ({ value: l, label: l })), entry?.list ?? SAVED_LISTS[0])}</select></div>
      <button type="submit">Save place</button></form>
    ${entry ? html`<form method="post" action="${mapPaths.saved}/remove"><input type="hidden" name="place" value="${p.id}">
      <button type="submit">Remove from saved places</button></form>` : ''}</section>`;
}

export function renderPlace(data: MapData, state: MapState, p: Place, flash: MapState['flash']): string {
  const category = categoryById(data, p.category)!;
  const popular = data.places.filter((o) => o.city === p.city && o.id !== p.id).sort((a, b) => b.reviews - a.reviews).slice(0, 5);
  const body = html`<h1>${p.name}</h1><p class="muted">${category.label} in ${p.city}</p>
  ${locatorMap(`Map of ${p.name}`, [p])}
  <table id="place-details"><tbody>
    <tr><th scope="row">Category</th><td>${category.label}</td></tr>
    <tr><th scope="row">Address</th><td>${p.street}, ${p.city}</td></tr>
    <tr><th scope="row">Coordinates</th><td>${formatCoordinates(p)}</td></tr>
    <tr><th scope="row">Opening hours</th><td>${p.hours}</td></tr>
    <tr><th scope="row">Rating</th><td>${p.rating.toFixed(1)} out of 5 (${p.reviews} reviews)</td></tr>
    <tr><th scope="row">Phone</th><td>${p.phone}</td></tr>
  </tbody></table>
  <p><a href="${directionsHref(p.name)}">Directions from here</a> · <a href="${directionsHref('', p.name)}">Directions to here</a> ·
    <a href="${nearbyHref(p.name)}">Nearby places</a> · <a href="${searchHref({ category: p.category, city: p.city })}">More ${category.plural.toLowerCase()} in ${p.city}</a></p>
  ${saveForm(state, p)}`;
  const sidebar = html`<h2>Popular in ${p.city}</h2><ul>${popular.map((o) => html`<li><a href="${mapPaths.place(o)}">${o.name}</a></li>`)}</ul>
    <h2>Edit</h2><p class="muted">Spotted a mistake? <a href="${mapPaths.page('history')}">View history</a></p>`;
  return mapLayout({ data, state, flash, title: p.name, body, sidebar });
}
