// Directions: the From/To/Mode form, then the route summary (road distance, time, straight-line distance),
// turn-by-turn text, other modes and the reverse route. Unknown names get suggestions instead of a route.
import { html, type SafeHtml } from '../../html';
import { fullAddress, type MapData, type Place } from '../data';
import { TRAVEL_MODES, compass, formatKm, formatMinutes, route, type TravelMode } from '../geo';
import type { MapState } from '../state';
import { directionsHref, locatorMap, mapLayout, options } from './layout';

export interface DirectionsInput {
  fromText: string;
  toText: string;
  mode: TravelMode;
  from?: Place;
  to?: Place;
}

function suggestions(data: MapData, text: string, field: 'from' | 'to', input: DirectionsInput): SafeHtml {
  const lower = text.trim().toLowerCase();
  const hits = lower ? data.places.filter((p) => p.name.toLowerCase().includes(lower)).slice(0, 5) : [];
  const label = field === 'from' ? 'start' : 'destination';
  const link = (p: Place) => field === 'from' ? directionsHref(p.name, input.toText, input.mode.id) : directionsHref(input.fromText, p.name, input.mode.id);
  return html`<div class="msg error" role="alert">No place named “${text}” was found for the ${label}.</div>
    ${hits.length ? html`<p>Did you mean:</p><ul>${hits.map((p) => html`<li><a href="${link(p)}">${p.name}</a></li>`)}</ul>` : ''}`;
}

function routePanel(from: Place, to: Place, mode: TravelMode): SafeHtml {
  const r = route(from, to, mode);
  const steps = [
    `Head ${compass(from, to)} on ${from.street.replace(/^\d+ /, '')}`,
    `Continue for ${formatKm(r.distanceKm * 0.6, 1)}`,
    `Turn onto ${to.street.replace(/^\d+ /, '')}`,
    `Arrive at ${to.name}, ${fullAddress(to)}`,
  ];
  return html`<section aria-labelledby="route-h"><h2 id="route-h">Route from ${from.name} to ${to.name}</h2>
    <ul id="route-summary"><li>Mode: ${mode.label}</li><li>Distance: ${formatKm(r.distanceKm, 1)}</li><li>Time: ${formatMinutes(r.minutes)}</li>
      <li class="muted">Straight-line distance: ${formatKm(r.straightKm, 2)}</li></ul>
    ${locatorMap(`Route map from ${from.name} to ${to.name}`, [from, to])}
    <h3>Directions</h3><ol>${steps.map((s) => html`<li>${s}</li>`)}</ol>
    <p>Other modes: ${TRAVEL_MODES.filter((m) => m.id !== mode.id).map((m) => html`<a href="${directionsHref(from.name, to.name, m.id)}">${m.label}</a> `)}
      · <a href="${directionsHref(to.name, from.name, mode.id)}">Reverse route</a></p></section>`;
}

export function renderDirections(data: MapData, state: MapState, input: DirectionsInput, flash: MapState['flash']): string {
  const form = html`<form method="get" action="/map/directions" aria-label="Directions">
    <div class="field"><label for="d-from">From</label><input id="d-from" type="text" name="from" value="${input.fromText}" placeholder="Start place name" autocomplete="off"></div>
    <div class="field"><label for="d-to">To</label><input id="d-to" type="text" name="to" value="${input.toText}" placeholder="Destination place name" autocomplete="off"></div>
    <div class="field"><label for="d-mode">Mode</label><select id="d-mode" name="mode">${options(TRAVEL_MODES.map((m) => ({ value: m.id, label: m.label })), input.mode.id)}</select></div>
    <button type="submit">Get directions</button></form>`;
  let result: SafeHtml | string = html`<p class="muted">Enter a start and a destination to get a route.</p>`;
  if (input.fromText && !input.from) result = suggestions(data, input.fromText, 'from', input);
  else if (input.toText && !input.to) result = suggestions(data, input.toText, 'to', input);
  else if (input.from && input.to && input.from.id === input.to.id) result = html`<div class="msg error" role="alert">Start and destination are the same place.</div>`;
  else if (input.from && input.to) result = routePanel(input.from, input.to, input.mode);
  const body = html`<h1>Directions</h1>${form}${result}`;
  return mapLayout({ data, state, flash, title: 'Directions', body });
}
