// A read-only view of the map's places for task families of other sites (e.g. "find a place on the map,
// then post about it on the forum"): plain copies, so callers can never change the shared dataset.
import { SITE_SLOTS } from '../site';
import { categoryById, fullAddress, getMapData, type Place } from './data';
import { formatCoordinates } from './geo';

export interface MapPlaceInfo {
  name: string;
  /** Category id (e.g. `museum`) and its label (`Museum`). */
  category: string;
  categoryLabel: string;
  city: string;
  /** Street and city, as the place page shows it. */
  address: string;
  lat: number;
  lon: number;
  /** "lat, lon" with five decimals, as the place page shows it. */
  coordinates: string;
  hours: string;
  rating: number;
  /** The place page with the map placeholder, e.g. `__MAP__/place/maple-park`. */
  url: string;
  /** The place page path below the site prefix, e.g. `/place/maple-park`. */
  path: string;
}

function info(seed: number, p: Place): MapPlaceInfo {
  const path = `/place/${p.slug}`;
  return {
    name: p.name, category: p.category, categoryLabel: categoryById(getMapData(seed), p.category)!.label, city: p.city,
    address: fullAddress(p), lat: p.lat, lon: p.lon, coordinates: formatCoordinates(p), hours: p.hours, rating: p.rating,
    url: `${SITE_SLOTS.map.placeholder}${path}`, path,
  };
}

/** Every place of the dataset of this seed, sorted by name. */
export function mapPlaces(seed: number): MapPlaceInfo[] {
  return getMapData(seed).places.map((p) => info(seed, p));
}

/** One place by exact name (case-insensitive), or undefined. */
export function mapPlace(seed: number, name: string): MapPlaceInfo | undefined {
  const p = getMapData(seed).placeByName.get(name.toLowerCase());
  return p ? info(seed, p) : undefined;
}
