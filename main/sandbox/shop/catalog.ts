// Catalog queries behind the category and search pages: filter, sort, page. Task families use the same
// functions to find answers and the oracle's path; the unit tests recompute answers independently.
import type { Product, ShopData } from './data';

export const PAGE_SIZE = 12;

export type SortKey = 'position' | 'price_asc' | 'price_desc' | 'rating' | 'name';

export const SORT_OPTIONS: Array<{ key: SortKey; label: string }> = [
  { key: 'position', label: 'Position' },
  { key: 'price_asc', label: 'Price: Low to High' },
  { key: 'price_desc', label: 'Price: High to Low' },
  { key: 'rating', label: 'Rating' },
  { key: 'name', label: 'Product Name' },
];

export function sortLabel(key: SortKey): string {
  return SORT_OPTIONS.find((o) => o.key === key)!.label;
}

export interface ListingQuery {
  category?: string;
  q?: string;
  sort: SortKey;
  /** Minimum rating (whole stars). */
  minRating?: number;
  /** Price range in cents, lo inclusive, hi exclusive. */
  price?: { lo: number; hi: number };
  page: number;
}

export interface ListingResult {
  items: Product[];
  total: number;
  page: number;
  pages: number;
}

export const RATING_FILTERS = [4, 3, 2, 1];

/** Parses the listing parameters of a URL, dropping invalid ones. */
export function parseListingQuery(params: URLSearchParams): Omit<ListingQuery, 'category' | 'q'> {
  const sortParam = params.get('sort') ?? 'position';
  const sort = (SORT_OPTIONS.some((o) => o.key === sortParam) ? sortParam : 'position') as SortKey;
  const rating = Number(params.get('rating'));
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
  return { sort, minRating: RATING_FILTERS.includes(rating) ? rating : undefined, price: parsePrice(params.get('price')), page };
}

/** `100-200` (dollars) → cents range; undefined when malformed. */
export function parsePrice(param: string | null): { lo: number; hi: number } | undefined {
  const m = /^(\d+)-(\d+)$/.exec(param ?? '');
  if (!m || Number(m[2]) <= Number(m[1])) return undefined;
  return { lo: Number(m[1]) * 100, hi: Number(m[2]) * 100 };
}

export function priceParam(range: { lo: number; hi: number }): string {
  return `${range.lo / 100}-${range.hi / 100}`;
}

/** "$100.00 - $199.99" */
export function priceRangeLabel(range: { lo: number; hi: number }): string {
  return `$${(range.lo / 100).toFixed(2)} - $${((range.hi - 1) / 100).toFixed(2)}`;
}

export function searchTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Products of the category or search, before rating/price filters. */
export function baseSet(data: ShopData, query: Pick<ListingQuery, 'category' | 'q'>): Product[] {
  if (query.category) return data.products.filter((p) => p.category === query.category);
  const terms = searchTerms(query.q ?? '');
  if (terms.length === 0) return [];
  const catName = new Map(data.categories.map((c) => [c.slug, c.name]));
  return data.products.filter((p) => {
    const hay = `${p.name} ${catName.get(p.category)}`.toLowerCase();
    return terms.every((t) => hay.includes(t));
  });
}

export function passesFilters(p: Product, query: Pick<ListingQuery, 'minRating' | 'price'>): boolean {
  if (query.minRating !== undefined && (p.rating === null || p.rating < query.minRating)) return false;
  if (query.price && (p.price < query.price.lo || p.price >= query.price.hi)) return false;
  return true;
}

const byName = (a: Product, b: Product): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function compareProducts(sort: SortKey): (a: Product, b: Product) => number {
  switch (sort) {
    case 'price_asc': return (a, b) => a.price - b.price || byName(a, b);
    case 'price_desc': return (a, b) => b.price - a.price || byName(a, b);
    case 'rating': return (a, b) => (b.rating ?? -1) - (a.rating ?? -1) || b.reviews.length - a.reviews.length || byName(a, b);
    case 'name': return byName;
    default: return (a, b) => a.position - b.position;
  }
}

export function listProducts(data: ShopData, query: ListingQuery): ListingResult {
  const all = baseSet(data, query).filter((p) => passesFilters(p, query)).sort(compareProducts(query.sort));
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return { items: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: all.length, page, pages };
}

/** Non-empty price buckets of the set (after the rating filter), for the sidebar. */
export function priceBuckets(products: Product[], width: number): Array<{ lo: number; hi: number; count: number }> {
  const counts = new Map<number, number>();
  for (const p of products) {
    const lo = Math.floor(p.price / width) * width;
    counts.set(lo, (counts.get(lo) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([lo, count]) => ({ lo, hi: lo + width, count }));
}
