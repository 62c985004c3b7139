// The admin site's seeded dataset: the shop's catalog (same products, names, SKUs and prices) with
// back-office fields (stock, status), ~250 customers, ~900 orders across two years and the product reviews
// with their moderation status. A pure function of the seed, built once per seed and shared read-only;
// per-episode changes live in state.ts as overlays.
import { perSeed } from '../per-seed';
import { chance, pick, randInt, rngFor, sample, type Rng } from '../../random/seeded-random';
import { getShopData } from '../shop/data';
import {
  CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, PAYMENT_METHODS, REVIEW_DETAILS, REVIEW_TITLES, SEED_COMMENTS,
  SHIPPING_METHODS, STREETS,
} from './vocab';

/** The back office's fixed "today": every seeded order is older. */
export const ADMIN_TODAY = '2024-02-15';
export const ADMIN_USER = 'admin';

export const ORDER_STATUSES = [
  { key: 'pending', label: 'Pending' }, { key: 'processing', label: 'Processing' }, { key: 'on_hold', label: 'On Hold' },
  { key: 'complete', label: 'Complete' }, { key: 'closed', label: 'Closed' }, { key: 'canceled', label: 'Canceled' },
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number]['label'];
export const GROUPS = ['General', 'Wholesale', 'Retailer'] as const;
export type CustomerGroup = (typeof GROUPS)[number];
export const REVIEW_STATUSES = ['Pending', 'Approved', 'Not Approved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ProductStatus = 'Enabled' | 'Disabled';

export interface AdminProduct {
  id: number;
  sku: string;
  name: string;
  category: string;
  categorySlug: string;
  /** Cents. */
  price: number;
  qty: number;
  status: ProductStatus;
  weight: number;
}

export interface Customer {
  id: number;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  group: CustomerGroup;
  since: string;
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
  price: number;
  qty: number;
}

export interface OrderComment {
  date: string;
  text: string;
  status: OrderStatus;
}

export interface Order {
  id: number;
  number: string;
  customerId: number;
  date: string;
  status: OrderStatus;
  lines: OrderLine[];
  subtotal: number;
  shipping: number;
  total: number;
  payment: string;
  shippingMethod: string;
  comments: OrderComment[];
}

export interface Review {
  id: number;
  productId: number;
  nickname: string;
  title: string;
  detail: string;
  stars: number;
  date: string;
  status: ReviewStatus;
}

export interface AdminData {
  seed: number;
  storeName: string;
  categories: Array<{ slug: string; name: string }>;
  products: AdminProduct[];
  productById: Map<number, AdminProduct>;
  customers: Customer[];
  customerById: Map<number, Customer>;
  /** Oldest first; id = position + 1. */
  orders: Order[];
  orderById: Map<number, Order>;
  /** Customer id → their orders, newest first. */
  ordersByCustomer: Map<number, Order[]>;
  reviews: Review[];
  reviewById: Map<number, Review>;
}

export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function makeProducts(rng: Rng, seed: number): { products: AdminProduct[]; categories: AdminData['categories'] } {
  const shop = getShopData(seed);
  const catName = new Map(shop.categories.map((c) => [c.slug, c.name]));
  const products = shop.products.map((p): AdminProduct => ({
    id: p.id, sku: p.sku, name: p.name, category: catName.get(p.category)!, categorySlug: p.category, price: p.price,
    qty: chance(rng, 0.18) ? randInt(rng, 0, 9) : randInt(rng, 10, 480),
    status: chance(rng, 0.08) ? 'Disabled' : 'Enabled',
    weight: Math.round((0.2 + rng() * 9) * 10) / 10,
  }));
  return { products, categories: shop.categories.map((c) => ({ slug: c.slug, name: c.name })) };
}

function makeCustomers(rng: Rng): Customer[] {
  const combos = FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => [f, l] as const));
  const start = dayOf('2019-03-01');
  return sample(rng, combos, 250).map(([firstName, lastName], i) => {
    const home = pick(rng, CITIES);
    const roll = rng();
    return {
      id: i + 1, firstName, lastName, name: `${firstName} ${lastName}`,
      email: `${firstName}.${lastName}${chance(rng, 0.3) ? randInt(rng, 1, 99) : ''}@${pick(rng, EMAIL_DOMAINS)}`.toLowerCase(),
      group: roll < 0.7 ? 'General' : roll < 0.85 ? 'Wholesale' : 'Retailer',
      since: isoDate(start + randInt(rng, 0, 1000)),
      street: `${randInt(rng, 10, 9899)} ${pick(rng, STREETS)}`, city: home.city, state: home.state, zip: home.zip,
      phone: `${randInt(rng, 201, 989)}-555-${String(randInt(rng, 1000, 9999))}`,
    };
  });
}

const STATUS_WEIGHTS: Array<[OrderStatus, number]> = [
  ['Complete', 0.45], ['Processing', 0.15], ['Pending', 0.15], ['Canceled', 0.12], ['Closed', 0.07], ['On Hold', 0.06],
];
function pickStatus(rng: Rng): OrderStatus {
  let r = rng();
  for (const [status, w] of STATUS_WEIGHTS) if ((r -= w) < 0) return status;
  return 'Complete';
}

function makeOrders(rng: Rng, products: AdminProduct[], customers: Customer[]): Order[] {
  const start = dayOf('2022-01-01');
  const end = dayOf(ADMIN_TODAY) - 1;
  const days = Array.from({ length: 900 }, () => randInt(rng, start, end)).sort((a, b) => a - b);
  return days.map((day, i) => {
    const lines = sample(rng, products, randInt(rng, 1, 3)).map((p) => ({ productId: p.id, name: p.name, sku: p.sku, price: p.price, qty: chance(rng, 0.7) ? 1 : randInt(rng, 2, 3) }));
    const items = lines.reduce((s, l) => s + l.qty, 0);
    const subtotal = lines.reduce((s, l) => s + l.price * l.qty, 0);
    const shippingMethod = pick(rng, SHIPPING_METHODS);
    const shipping = shippingMethod.startsWith('Flat') ? 500 * items : shippingMethod.startsWith('Best') ? 1000 : 0;
    const status = pickStatus(rng);
    const date = isoDate(day);
    return {
      id: i + 1, number: String(i + 1).padStart(9, '0'), customerId: pick(rng, customers).id, date, status, lines, subtotal, shipping,
      total: subtotal + shipping, payment: pick(rng, PAYMENT_METHODS), shippingMethod,
      comments: chance(rng, 0.25) ? [{ date, text: pick(rng, SEED_COMMENTS), status }] : [],
    };
  });
}

function makeReviews(rng: Rng, seed: number, products: AdminProduct[]): Review[] {
  const shop = getShopData(seed);
  const reviews: Review[] = [];
  const add = (r: Omit<Review, 'id'>) => reviews.push({ id: reviews.length + 1, ...r });
  for (const p of shop.products) {
    for (const r of p.reviews.slice().reverse()) add({ productId: p.id, nickname: r.author, title: r.title, detail: r.body, stars: r.stars, date: r.date, status: 'Approved' });
  }
  // Fresh reviews waiting for moderation: some products get a small batch (distinct titles), others one;
  // a few were already rejected.
  const start = dayOf('2024-01-02');
  const fresh = (productId: number, title: string, status: ReviewStatus) => add({
    productId, nickname: `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)[0]}.`, title, detail: pick(rng, REVIEW_DETAILS),
    stars: randInt(rng, 1, 5), date: isoDate(start + randInt(rng, 0, 43)), status,
  });
  const picked = sample(rng, products, 75);
  picked.slice(0, 40).forEach((p) => sample(rng, REVIEW_TITLES, randInt(rng, 2, 3)).forEach((t) => fresh(p.id, t, 'Pending')));
  picked.slice(40, 60).forEach((p) => fresh(p.id, pick(rng, REVIEW_TITLES), 'Pending'));
  picked.slice(60).forEach((p) => fresh(p.id, pick(rng, REVIEW_TITLES), 'Not Approved'));
  return reviews;
}

function generate(seed: number): AdminData {
  const rng = rngFor('admin-data', seed);
  const { products, categories } = makeProducts(rng, seed);
  const customers = makeCustomers(rng);
  const orders = makeOrders(rng, products, customers);
  const ordersByCustomer = new Map<number, Order[]>(customers.map((c) => [c.id, []]));
  for (const o of orders.slice().reverse()) ordersByCustomer.get(o.customerId)!.push(o);
  const reviews = makeReviews(rng, seed, products);
  return {
    seed, storeName: 'One Stop Market', categories, products, productById: new Map(products.map((p) => [p.id, p])),
    customers, customerById: new Map(customers.map((c) => [c.id, c])), orders, orderById: new Map(orders.map((o) => [o.id, o])),
    ordersByCustomer, reviews, reviewById: new Map(reviews.map((r) => [r.id, r])),
  };
}

/** The dataset for a seed, generated on first use and then shared (callers must not mutate it). */
export const getAdminData: (datasetSeed: number) => AdminData = perSeed(generate);

export { money, monthName, formatIsoDate as formatDate } from '../formatting';
export function statusKey(label: string): string {
  return ORDER_STATUSES.find((s) => s.label === label)?.key ?? '';
}
