// The map's seeded dataset: five cities with ~500 places across ten categories (coordinates, address,
// opening hours, rating), plus the signed-in user's initial saved places and recent searches. A pure
// function of the seed, generated once per seed and shared read-only; per-episode copies cover only the
// mutable part (state.ts).
import { pick, randInt, rngFor, shuffle, type Rng } from '../../random/seeded-random';
import { roundTo } from './geo';
import { CATEGORY_SPECS, CITIES, NAME_WORDS, SAVED_LISTS, STREETS, type CategorySpec, type SavedList } from './vocab';
import { perSeed } from '../per-seed';

export interface Category {
  id: string;
  label: string;
  plural: string;
}

export interface Place {
  id: number;
  slug: string;
  name: string;
  category: string;
  city: string;
  /** Street address without the city. */
  street: string;
  lat: number;
  lon: number;
  hours: string;
  /** 1.0–5.0, one decimal. */
  rating: number;
  reviews: number;
  phone: string;
}

export interface SavedEntry {
  placeId: number;
  list: SavedList;
}

export interface RecentSearch {
  /** The search page's query string, without '?'. */
  query: string;
  label: string;
}

export interface MapData {
  seed: number;
  user: { name: string; handle: string };
  cities: string[];
  categories: Category[];
  /** Sorted by name. */
  places: Place[];
  placeBySlug: Map<string, Place>;
  placeById: Map<number, Place>;
  /** Lower-cased name → place (names are unique). */
  placeByName: Map<string, Place>;
  initialSaved: SavedEntry[];
  initialRecent: RecentSearch[];
}

export const PLACES_PER_CITY_CATEGORY = { min: 8, max: 12 };

export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** True when the new name would contain, or be contained in, an existing one (keeps text checks exact). */
function clashes(name: string, taken: string[]): boolean {
  const lower = name.toLowerCase();
  return taken.some((t) => t.includes(lower) || lower.includes(t));
}

function makeName(rng: Rng, spec: CategorySpec, taken: string[]): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const name = pick(rng, spec.patterns).replace('{X}', pick(rng, NAME_WORDS));
    if (!clashes(name, taken)) return name;
  }
  throw new Error(`map dataset: ran out of names for ${spec.id}`);
}

/** Offsets up to ~6 km from the centre, denser near it (the mean of two uniforms). */
function offset(rng: Rng, span: number): number {
  return ((rng() + rng()) / 2 - 0.5) * 2 * span;
}

function generate(seed: number): MapData {
  const rng = rngFor('map-data', seed);
  const taken: string[] = [];
  const drafts: Array<Omit<Place, 'id' | 'slug'>> = [];
  for (const city of CITIES) {
    for (const spec of CATEGORY_SPECS) {
      const n = randInt(rng, PLACES_PER_CITY_CATEGORY.min, PLACES_PER_CITY_CATEGORY.max);
      for (let i = 0; i < n; i++) {
        const name = makeName(rng, spec, taken);
        taken.push(name.toLowerCase());
        drafts.push({
          name, category: spec.id, city: city.name,
          street: `${randInt(rng, 2, 98) * 10 + randInt(rng, 0, 9)} ${pick(rng, STREETS)}`,
          lat: roundTo(city.lat + offset(rng, 0.055), 5),
          lon: roundTo(city.lon + offset(rng, 0.07), 5),
          hours: pick(rng, spec.hours),
          rating: roundTo(2.5 + rng() * 2.5, 1),
          reviews: randInt(rng, 3, 480),
          phone: `(${city.area}) 555-${String(randInt(rng, 100, 9999)).padStart(4, '0')}`,
        });
      }
    }
  }
  drafts.sort((a, b) => a.name.localeCompare(b.name));
  const places: Place[] = drafts.map((d, i) => ({ id: i + 1, slug: slugify(d.name), ...d }));
  const picks = shuffle(rng, places).slice(0, 5);
  return {
    seed,
    user: { name: 'Jordan Miller', handle: 'jordan_m' },
    cities: CITIES.map((c) => c.name),
    categories: CATEGORY_SPECS.map(({ id, label, plural }) => ({ id, label, plural })),
    places,
    placeBySlug: new Map(places.map((p) => [p.slug, p])),
    placeById: new Map(places.map((p) => [p.id, p])),
    placeByName: new Map(places.map((p) => [p.name.toLowerCase(), p])),
    initialSaved: picks.slice(0, 3).map((p, i) => ({ placeId: p.id, list: SAVED_LISTS[i % 2 === 0 ? 0 : 2] })),
    initialRecent: [
      { query: new URLSearchParams({ q: picks[3].name }).toString(), label: `"${picks[3].name}"` },
      { query: new URLSearchParams({ category: picks[4].category, city: picks[4].city }).toString(), label: `${categoryPlural(picks[4].category)} in ${picks[4].city}` },
    ],
  };
}

function categoryPlural(id: string): string {
  return CATEGORY_SPECS.find((c) => c.id === id)?.plural ?? id;
}

/** The dataset for a seed, generated on first use and then shared (callers must not mutate it). */
export const getMapData: (datasetSeed: number) => MapData = perSeed(generate);

export function categoryById(data: MapData, id: string): Category | undefined {
  return data.categories.find((c) => c.id === id);
}

/** The place a typed name stands for: exact name, case and spacing ignored. */
export function findPlaceByName(data: MapData, text: string | null | undefined): Place | undefined {
  return data.placeByName.get((text ?? '').trim().replace(/\s+/g, ' ').toLowerCase());
}

export const fullAddress = (p: Place): string => `${p.street}, ${p.city}`;
