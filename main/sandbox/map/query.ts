// Place search (text, category and city filters, sort, paging) and the nearby search (places of a category
// within a radius of a place, nearest first). Pure functions of the dataset.
import { straightKm } from './geo';
import { categoryById, type MapData, type Place } from './data';

export const SEARCH_PAGE_SIZE = 10;
export const NEARBY_PAGE_SIZE = 15;
export const RADII = [0.5, 1, 2, 5] as const;
export const DEFAULT_RADIUS = 1;

export const SORTS = [
  { id: 'name', label: 'Name (A-Z)' },
  { id: 'rating', label: 'Rating (highest first)' },
  { id: 'reviews', label: 'Most reviewed' },
] as const;
export type SortId = (typeof SORTS)[number]['id'];

export interface SearchQuery {
  q: string;
  category: string;
  city: string;
  sort: SortId;
  page: number;
}

export function parseSearchQuery(data: MapData, params: URLSearchParams): SearchQuery {
  const category = params.get('category') ?? '';
  const city = params.get('city') ?? '';
  const sort = SORTS.find((s) => s.id === params.get('sort'))?.id ?? 'name';
  return {
    q: (params.get('q') ?? '').trim(),
    category: categoryById(data, category) ? category : '',
    city: data.cities.includes(city) ? city : '',
    sort,
    page: Math.max(1, Math.floor(Number(params.get('page')) || 1)),
  };
}

export function hasCriteria(query: SearchQuery): boolean {
  return query.q !== '' || query.category !== '' || query.city !== '';
}

/** Every word of the text must occur in the place's name, category, city or street. */
function matchesText(data: MapData, p: Place, q: string): boolean {
  if (!q) return true;
  const hay = `${p.name} ${categoryById(data, p.category)?.label ?? ''} ${p.city} ${p.street}`.toLowerCase();
  return q.toLowerCase().split(/\s+/).every((word) => hay.includes(word));
}

export function compareBy(sort: SortId): (a: Place, b: Place) => number {
  if (sort === 'rating') return (a, b) => b.rating - a.rating || a.name.localeCompare(b.name);
  if (sort === 'reviews') return (a, b) => b.reviews - a.reviews || a.name.localeCompare(b.name);
  return (a, b) => a.name.localeCompare(b.name);
}

export function searchPlaces(data: MapData, query: SearchQuery): { items: Place[]; total: number; page: number; pages: number } {
  const all = data.places
    .filter((p) => (!query.category || p.category === query.category) && (!query.city || p.city === query.city) && matchesText(data, p, query.q))
    .sort(compareBy(query.sort));
  const pages = Math.max(1, Math.ceil(all.length / SEARCH_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return { items: all.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE), total: all.length, page, pages };
}

export interface NearbyHit {
  place: Place;
  km: number;
}

/** Places (other than the origin) of the category within the radius, nearest first (name breaks ties). */
export function nearby(data: MapData, origin: Place, category: string, radiusKm: number): NearbyHit[] {
  return data.places
    .filter((p) => p.id !== origin.id && (!category || p.category === category))
    .map((place) => ({ place, km: straightKm(origin, place) }))
    .filter((h) => h.km <= radiusKm)
    .sort((a, b) => a.km - b.km || a.place.name.localeCompare(b.place.name));
}

/** The smallest radius option that reaches `km`, or undefined beyond the largest. */
export function radiusFor(km: number): number | undefined {
  return RADII.find((r) => km <= r);
}

export const radiusLabel = (r: number): string => `${r} km`;
