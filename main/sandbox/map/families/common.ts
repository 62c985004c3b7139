// The map's binding of the family kit (../../family-kit.ts), plus the URL and step helpers its families
// share: form-encoded query patterns, and the oracle's moves (open a place, run a nearby search, get a route).
import { defineFamily, escapeRegex, search, sitePathPattern, clickButton, clickLink, selectOption, typeInto, type FamilySpec } from '../../family-kit';
import type { OracleStep, TaskFamily } from '../../types';
import { categoryById, getMapData, type MapData, type Place } from '../data';
import { TRAVEL_MODES, route, type TravelMode } from '../geo';
import { nearby, radiusFor, radiusLabel, RADII } from '../query';

export * from '../../family-kit';
export const MAP = '__MAP__';

export function defineMapFamily<P>(spec: FamilySpec<MapData, P>): TaskFamily {
  return defineFamily('map', getMapData, spec);
}

/** Regex for a map path (after the prefix), ending there or at a query/fragment. */
export const pathPattern = (path: string): string => sitePathPattern('map', path);

/** A query string exactly as a browser submits a form (application/x-www-form-urlencoded, fields in order). */
export function formQuery(fields: Array<[string, string | number]>): string {
  return new URLSearchParams(fields.map(([k, v]) => [k, String(v)])).toString();
}

/** Regex for a map path followed by exactly this query string. */
export const queryPattern = (path: string, fields: Array<[string, string | number]>): string =>
  `/map${escapeRegex(`${path}?${formQuery(fields)}`)}(&|#|$)`;

/** Regex for a query parameter whose value is form-encoded (names with spaces become '+'). */
export const formParamPattern = (key: string, value: string): string => `[?&]${escapeRegex(formQuery([[key, value]]))}(&|#|$)`;

export const directionsFields = (from: Place, to: Place, mode: TravelMode): Array<[string, string]> => [['from', from.name], ['to', to.name], ['mode', mode.id]];
export const nearbyFields = (place: Place, category: string, radius: number): Array<[string, string | number]> => [['place', place.name], ['category', category], ['radius', radius]];

/** Search the place by name and open its page. */
export const openPlaceSteps = (p: Place): OracleStep[] => [search(p.name), clickLink(p.name)];

/** From a place page: open the nearby search and list the category within the radius. */
export function nearbyFromPlaceSteps(data: MapData, category: string, radius: number): OracleStep[] {
  return [clickLink('Nearby places'), selectOption('Category', categoryById(data, category)!.label), selectOption('Radius', radiusLabel(radius)), clickButton('Search nearby')];
}

/** From any page: the directions form filled in and submitted. */
export function directionsSteps(from: Place, to: Place, mode: TravelMode): OracleStep[] {
  return [clickLink('Directions'), typeInto('From', from.name), typeInto('To', to.name), selectOption('Mode', mode.label), clickButton('Get directions')];
}

/** The nearest place of a category to `origin` when the answer is clear-cut: within the largest radius and
 * at least 0.1 km closer than the runner-up (so rounding in the table cannot make it a tie). */
export function clearNearest(data: MapData, origin: Place, category: string): { place: Place; km: number; radius: number } | undefined {
  const hits = nearby(data, origin, category, RADII[RADII.length - 1]);
  if (hits.length === 0 || (hits.length > 1 && hits[1].km - hits[0].km < 0.1)) return undefined;
  return { place: hits[0].place, km: hits[0].km, radius: radiusFor(hits[0].km)! };
}

/** Places of the same city as `p` (other than it), in dataset order. */
export const sameCity = (data: MapData, p: Place): Place[] => data.places.filter((o) => o.city === p.city && o.id !== p.id);

/** A few deterministic partners per place, spread over its city (keeps pair families to ~2 per place). */
export function partners(data: MapData, p: Place, strides: number[]): Place[] {
  const others = sameCity(data, p);
  return strides.map((s) => others[(p.id * 7 + s) % others.length]);
}

export const minutesAnswer = (from: Place, to: Place, mode: TravelMode): string => `${route(from, to, mode).minutes} min`;
/** The string_match reference of a travel time: the bare number of minutes. The intent asks for minutes, so "7"
 * is a right answer; the webarena profile matches a one-character sole item as a whole token, so "7" rejects
 * "17 min", where the old reference "7 min" (a substring) accepted it and rejected "7" (docs/design/SANDBOX.md §3.1). */
export const minutesReference = (from: Place, to: Place, mode: TravelMode): string => String(route(from, to, mode).minutes);
/** Wrong answers to "how long from → to by mode": the trip's distance and its time by the other modes (answer-screen.ts). */
export const tripWrongAnswers = (from: Place, to: Place, mode: TravelMode): string[] =>
  [route(from, to, mode).distanceKm.toFixed(1), ...TRAVEL_MODES.map((m) => String(route(from, to, m).minutes))];
export const initiallySaved = (data: MapData, p: Place): boolean => data.initialSaved.some((s) => s.placeId === p.id);
