// The shop's seeded dataset: categories, ~220 products with prices, options and reviews, the signed-in
// customer and their order history. A pure function of the seed, generated once per seed and shared
// read-only; per-episode copies only cover the mutable parts (see state.ts).
import { chance, pick, randInt, rngFor, sample, shuffle, type Rng } from '../../random/seeded-random';
import {
  ADJECTIVES, CATEGORY_SPECS, CITIES, DESCRIPTION_TEMPLATES, FIRST_NAMES, LAST_INITIALS, REVIEW_BODIES, REVIEW_TITLES,
  STREETS, type CategorySpec,
} from './vocab';
import { perSeed } from '../per-seed';

export const PRODUCTS_PER_CATEGORY = 28;
/** The shop's fixed "today": new orders get this date, so seeded history never overlaps with them. */
export const SHOP_TODAY = '2024-02-15';

export interface Category {
  slug: string;
  name: string;
  /** Price filter bucket width in cents. */
  bucket: number;
  sizes: string[];
}

export interface Review {
  id: string;
  author: string;
  stars: number;
  title: string;
  body: string;
  /** ISO date. */
  date: string;
}

export interface Product {
  id: number;
  sku: string;
  slug: string;
  name: string;
  brand: string;
  noun: string;
  category: string;
  /** Cents. */
  price: number;
  colors: string[];
  sizes: string[];
  description: string;
  /** Newest first. */
  reviews: Review[];
  /** Mean of the review stars rounded to one decimal; null without reviews. */
  rating: number | null;
  /** Rank for the default "Position" sort. */
  position: number;
}

export interface Address {
  name: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
}

export interface OrderLine {
  productId: number;
  name: string;
  sku: string;
  color: string;
  size: string | null;
  qty: number;
  /** Unit price in cents. */
  price: number;
}

export type OrderStatus = 'Pending' | 'Processing' | 'Complete' | 'Canceled';

export interface Order {
  number: string;
  date: string;
  status: OrderStatus;
  lines: OrderLine[];
  subtotal: number;
  shipping: number;
  total: number;
  shippingMethod: string;
  address: Address;
}

export interface ShopData {
  seed: number;
  storeName: string;
  categories: Category[];
  products: Product[];
  productBySlug: Map<string, Product>;
  productById: Map<number, Product>;
  customer: { firstName: string; lastName: string; email: string; address: Address };
  /** Order history of the signed-in customer before any episode, oldest first. */
  initialOrders: Order[];
}

export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function isoDate(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? '');
}

function makeReviews(rng: Rng, productKey: string, noun: string, colors: string[]): Review[] {
  if (chance(rng, 0.1)) return [];
  const count = randInt(rng, 1, 9);
  const quality = 2.2 + rng() * 2.8;
  const start = dayOf('2021-01-01');
  const reviews: Review[] = [];
  for (let i = 0; i < count; i++) {
    const stars = Math.max(1, Math.min(5, Math.round(quality + (rng() - 0.5) * 2.4)));
    const color = pick(rng, colors).toLowerCase();
    reviews.push({
      id: `${productKey}-r${i + 1}`,
      author: `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_INITIALS)}.`,
      stars,
      title: pick(rng, REVIEW_TITLES[stars]),
      body: fill(pick(rng, REVIEW_BODIES[stars]), { noun: noun.toLowerCase(), color }),
      date: isoDate(start + randInt(rng, 0, 3 * 365 - 1)),
    });
  }
  return reviews.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export function ratingOf(reviews: Review[]): number | null {
  if (reviews.length === 0) return null;
  const mean = reviews.reduce((sum, r) => sum + r.stars, 0) / reviews.length;
  return Math.round(mean * 10) / 10;
}

function makeCategoryProducts(rng: Rng, spec: CategorySpec, firstId: number): Product[] {
  const combos: Array<[string, string, string]> = [];
  for (const brand of spec.brands) for (const line of spec.lines) for (const noun of spec.nouns) combos.push([brand, line, noun]);
  return sample(rng, combos, PRODUCTS_PER_CATEGORY).map(([brand, line, noun], i) => {
    const id = firstId + i;
    const name = `${brand} ${line} ${noun}`;
    const dollars = randInt(rng, spec.minPrice, spec.maxPrice - 1);
    const cents = pick(rng, [99, 99, 95, 49, 0, randInt(rng, 1, 98)]);
    const colors = sample(rng, spec.colors, randInt(rng, 2, 4)).sort((a, b) => spec.colors.indexOf(a) - spec.colors.indexOf(b));
    const sizes = spec.sizes.length ? spec.sizes.slice(randInt(rng, 0, 1), spec.sizes.length - randInt(rng, 0, 1)) : [];
    const reviews = makeReviews(rng, `p${id}`, noun, colors);
    const adj = pick(rng, ADJECTIVES);
    const description = fill(pick(rng, DESCRIPTION_TEMPLATES), { name, adj, Adj: adj[0].toUpperCase() + adj.slice(1), brand });
    return {
      id, sku: `${spec.code}-${1000 + id}`, slug: slugify(name), name, brand, noun, category: spec.slug,
      price: dollars * 100 + cents, colors, sizes, description, reviews, rating: ratingOf(reviews), position: 0,
    };
  });
}

function makeOrders(rng: Rng, products: Product[], address: Address): Order[] {
  const count = 40;
  const start = dayOf('2022-07-01');
  const end = dayOf('2024-01-31');
  const days = Array.from({ length: count }, () => randInt(rng, start, end)).sort((a, b) => a - b);
  return days.map((day, i) => {
    const picked = sample(rng, products, randInt(rng, 1, 3));
    const lines: OrderLine[] = picked.map((p) => ({
      productId: p.id, name: p.name, sku: p.sku, color: pick(rng, p.colors), size: p.sizes.length ? pick(rng, p.sizes) : null,
      qty: chance(rng, 0.75) ? 1 : randInt(rng, 2, 3), price: p.price,
    }));
    const subtotal = lines.reduce((sum, l) => sum + l.price * l.qty, 0);
    const shipping = 500 * lines.reduce((sum, l) => sum + l.qty, 0);
    let status: OrderStatus = chance(rng, 0.15) ? 'Canceled' : 'Complete';
    if (i === count - 1) status = 'Pending';
    else if (i === count - 2) status = 'Processing';
    return {
      number: String(101 + i).padStart(9, '0'), date: isoDate(day), status, lines, subtotal, shipping,
      total: subtotal + shipping, shippingMethod: 'Flat Rate', address: { ...address },
    };
  });
}

function generate(seed: number): ShopData {
  const rng = rngFor('shop-data', seed);
  const categories: Category[] = CATEGORY_SPECS.map((s) => ({ slug: s.slug, name: s.name, bucket: s.bucket * 100, sizes: s.sizes }));
  const products: Product[] = [];
  for (const spec of CATEGORY_SPECS) products.push(...makeCategoryProducts(rng, spec, products.length + 1));
  shuffle(rng, products).forEach((p, rank) => {
    p.position = rank + 1;
  });
  const home = pick(rng, CITIES);
  const address: Address = {
    name: 'Emma Lopez', street: `${randInt(rng, 100, 9999)} ${pick(rng, STREETS)}`, city: home.city, state: home.state,
    zip: home.zip, phone: `412-555-${String(randInt(rng, 1000, 9999))}`,
  };
  return {
    seed,
    storeName: 'One Stop Market',
    categories,
    products,
    productBySlug: new Map(products.map((p) => [p.slug, p])),
    productById: new Map(products.map((p) => [p.id, p])),
    customer: { firstName: 'Emma', lastName: 'Lopez', email: 'emma.lopez@example.com', address },
    initialOrders: makeOrders(rng, products, address),
  };
}

/** The dataset for a seed, generated on first use and then shared (callers must not mutate it). */
export const getShopData: (datasetSeed: number) => ShopData = perSeed(generate);

export function categoryBySlug(data: ShopData, slug: string): Category | undefined {
  return data.categories.find((c) => c.slug === slug);
}

export { money as formatMoney, monthName, formatIsoDate as formatDate } from '../formatting';
