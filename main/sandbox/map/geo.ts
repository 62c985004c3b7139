// Distance and travel-time math of the map site. Everything the site shows (and every reference answer) is
// computed here, so the numbers an agent reads and the numbers a family expects cannot drift apart.
//
// Route distance = great-circle (haversine) distance × the mode's road factor, rounded to 0.1 km;
// time = that rounded distance / the mode's speed, rounded to whole minutes (at least 1).

export const EARTH_RADIUS_KM = 6371;

export interface LatLon {
  lat: number;
  lon: number;
}

export interface TravelMode {
  id: 'car' | 'bike' | 'foot';
  label: string;
  /** The verb task templates use ("walk from A to B"). */
  verb: string;
  speedKmh: number;
  /** Roads are longer than the straight line; bikes and walkers take shortcuts cars cannot. */
  roadFactor: number;
}

export const TRAVEL_MODES: TravelMode[] = [
  { id: 'car', label: 'Car', verb: 'drive', speedKmh: 40, roadFactor: 1.3 },
  { id: 'bike', label: 'Bicycle', verb: 'cycle', speedKmh: 15, roadFactor: 1.2 },
  { id: 'foot', label: 'Foot', verb: 'walk', speedKmh: 5, roadFactor: 1.15 },
];

export function modeById(id: string | null | undefined): TravelMode | undefined {
  return TRAVEL_MODES.find((m) => m.id === id);
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in km. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Rounds half away from zero at `digits` decimals, robust to binary representation (1.005 → 1.01). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((value + Math.sign(value) * Number.EPSILON) * f) / f;
}

export interface Route {
  mode: TravelMode;
  /** Road distance in km, one decimal. */
  distanceKm: number;
  minutes: number;
  /** Straight-line distance in km, two decimals. */
  straightKm: number;
}

export function route(a: LatLon, b: LatLon, mode: TravelMode): Route {
  const straight = haversineKm(a, b);
  const distanceKm = roundTo(straight * mode.roadFactor, 1);
  const minutes = Math.max(1, Math.round((distanceKm / mode.speedKmh) * 60));
  return { mode, distanceKm, minutes, straightKm: roundTo(straight, 2) };
}

/** Straight-line distance as the nearby search shows it (two decimals). */
export function straightKm(a: LatLon, b: LatLon): number {
  return roundTo(haversineKm(a, b), 2);
}

export const formatKm = (km: number, digits: number): string => `${km.toFixed(digits)} km`;
export const formatMinutes = (minutes: number): string => `${minutes} min`;
export const formatCoordinates = (p: LatLon): string => `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`;

/** Initial compass bearing from a to b, as one of eight directions (for the turn-by-turn text). */
export function compass(a: LatLon, b: LatLon): string {
  const y = Math.sin(rad(b.lon - a.lon)) * Math.cos(rad(b.lat));
  const x = Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) - Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lon - a.lon));
  const deg = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  return ['north', 'northeast', 'east', 'southeast', 'south', 'southwest', 'west', 'northwest'][Math.round(deg / 45) % 8];
}
