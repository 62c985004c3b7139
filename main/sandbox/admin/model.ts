// The admin grids' engine (filter, sort, page, canonical URLs) and the report queries. Views render what
// these compute; task families use the same functions to find answers and oracle paths.
import { queryString } from '../html';
import { GROUPS, ORDER_STATUSES, REVIEW_STATUSES, type AdminData, type AdminProduct, type Customer, type Order, type Review } from './data';
import { allCustomers, allOrders, allProducts, allReviews, type AdminState, type GridName } from './state';
import { CITIES } from './vocab';

export const PAGE_SIZE = 20;
export type Dir = 'asc' | 'desc';

export interface GridParams {
  filters: Record<string, string>;
  sort: string;
  dir: Dir;
  page: number;
}

export interface GridSpec<T> {
  name: GridName;
  path: string;
  /** Filter keys in URL order, each with its validity test. */
  filters: Array<{ key: string; valid(v: string): boolean }>;
  sorts: Record<string, (a: T, b: T) => number>;
  defaultSort: string;
  defaultDir: Dir;
  matches(item: T, f: Record<string, string>): boolean;
}

const isIsoDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const any = (v: string): boolean => v.length > 0 && v.length <= 100;
const oneOf = (keys: readonly string[]) => (v: string): boolean => keys.includes(v);
const slug = (label: string): string => label.toLowerCase().replace(/\s+/g, '_');
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
const has = (hay: string, needle: string): boolean => hay.toLowerCase().includes(needle.toLowerCase());

export function parseGrid<T>(spec: GridSpec<T>, query: URLSearchParams): GridParams {
  const filters: Record<string, string> = {};
  for (const f of spec.filters) {
    const v = (query.get(f.key) ?? '').trim();
    if (v && f.valid(v)) filters[f.key] = v;
  }
  const sort = query.get('sort') ?? '';
  const dir = query.get('dir');
  return {
    filters,
    sort: sort in spec.sorts ? sort : spec.defaultSort,
    dir: dir === 'asc' || dir === 'desc' ? dir : sort in spec.sorts ? 'asc' : spec.defaultDir,
    page: Math.max(1, Math.floor(Number(query.get('page')) || 1)),
  };
}

/** The canonical query string ('' or '?…'): valid filters in spec order, sort unless default, page > 1. */
export function gridQuery<T>(spec: GridSpec<T>, p: GridParams): string {
  const isDefault = p.sort === spec.defaultSort && p.dir === spec.defaultDir;
  return queryString({
    ...Object.fromEntries(spec.filters.map((f) => [f.key, p.filters[f.key]])),
    sort: isDefault ? undefined : p.sort, dir: isDefault ? undefined : p.dir, page: p.page > 1 ? p.page : undefined,
  });
}

export function gridHref<T>(spec: GridSpec<T>, p: GridParams, changes: Partial<GridParams> = {}): string {
  return spec.path + gridQuery(spec, { ...p, ...changes });
}

/** A column header's link: the same column flips the direction, another starts ascending. */
export function sortHref<T>(spec: GridSpec<T>, p: GridParams, key: string): string {
  return gridHref(spec, p, { sort: key, dir: p.sort === key && p.dir === 'asc' ? 'desc' : 'asc', page: 1 });
}

export interface GridResult<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

export function runGrid<T>(spec: GridSpec<T>, all: T[], p: GridParams): GridResult<T> {
  const by = spec.sorts[p.sort];
  const sorted = all.filter((x) => spec.matches(x, p.filters)).sort((a, b) => (p.dir === 'asc' ? by(a, b) : by(b, a)));
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(p.page, pages);
  return { items: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: sorted.length, page, pages };
}

// ---- the four grids ----------------------------------------------------------------------------------------

export type OrderRow = Order & { customer: Customer };
export type ReviewRow = Review & { product: AdminProduct };

export const ORDER_GRID: GridSpec<OrderRow> = {
  name: 'orders',
  path: '/admin/sales/order',
  filters: [{ key: 'q', valid: any }, { key: 'status', valid: oneOf(ORDER_STATUSES.map((s) => s.key)) }, { key: 'from', valid: isIsoDate }, { key: 'to', valid: isIsoDate }],
  sorts: {
    number: (a, b) => a.id - b.id,
    date: (a, b) => cmp(a.date, b.date) || a.id - b.id,
    customer: (a, b) => cmp(a.customer.name, b.customer.name) || a.id - b.id,
    total: (a, b) => a.total - b.total || a.id - b.id,
    status: (a, b) => cmp(a.status, b.status) || a.id - b.id,
  },
  defaultSort: 'date',
  defaultDir: 'desc',
  matches: (o, f) =>
    (!f.q || o.number === (/^\d+$/.test(f.q) ? f.q.padStart(9, '0') : '') || has(o.customer.name, f.q) || has(o.customer.email, f.q)) &&
    (!f.status || slug(o.status) === f.status) && (!f.from || o.date >= f.from) && (!f.to || o.date <= f.to),
};

export const PRODUCT_GRID: GridSpec<AdminProduct> = {
  name: 'products',
  path: '/admin/catalog/product',
  filters: [{ key: 'q', valid: any }, { key: 'category', valid: (v) => /^[a-z-]+$/.test(v) }, { key: 'status', valid: oneOf(['enabled', 'disabled']) }],
  sorts: {
    id: (a, b) => a.id - b.id,
    name: (a, b) => cmp(a.name, b.name) || a.id - b.id,
    sku: (a, b) => cmp(a.sku, b.sku),
    price: (a, b) => a.price - b.price || a.id - b.id,
    qty: (a, b) => a.qty - b.qty || a.id - b.id,
  },
  defaultSort: 'id',
  defaultDir: 'asc',
  matches: (p, f) => (!f.q || has(p.name, f.q) || has(p.sku, f.q)) && (!f.category || p.categorySlug === f.category) && (!f.status || slug(p.status) === f.status),
};

export const CUSTOMER_GRID: GridSpec<Customer> = {
  name: 'customers',
  path: '/admin/customer',
  filters: [{ key: 'q', valid: any }, { key: 'group', valid: oneOf(GROUPS.map(slug)) }, { key: 'city', valid: oneOf(CITIES.map((c) => c.city)) }],
  sorts: {
    id: (a, b) => a.id - b.id,
    name: (a, b) => cmp(a.name, b.name) || a.id - b.id,
    email: (a, b) => cmp(a.email, b.email),
    city: (a, b) => cmp(a.city, b.city) || a.id - b.id,
    since: (a, b) => cmp(a.since, b.since) || a.id - b.id,
  },
  defaultSort: 'id',
  defaultDir: 'asc',
  matches: (c, f) => (!f.q || has(c.name, f.q) || has(c.email, f.q)) && (!f.group || slug(c.group) === f.group) && (!f.city || c.city === f.city),
};

export const REVIEW_GRID: GridSpec<ReviewRow> = {
  name: 'reviews',
  path: '/admin/review',
  filters: [{ key: 'q', valid: any }, { key: 'status', valid: oneOf(REVIEW_STATUSES.map(slug)) }],
  sorts: {
    id: (a, b) => a.id - b.id,
    date: (a, b) => cmp(a.date, b.date) || a.id - b.id,
    product: (a, b) => cmp(a.product.name, b.product.name) || a.id - b.id,
    stars: (a, b) => a.stars - b.stars || a.id - b.id,
  },
  defaultSort: 'id',
  defaultDir: 'desc',
  matches: (r, f) => (!f.q || has(r.product.name, f.q)) && (!f.status || slug(r.status) === f.status),
};

export const statusSlug = slug;

export function orderRows(data: AdminData, state: AdminState): OrderRow[] {
  return allOrders(data, state).map((o) => ({ ...o, customer: data.customerById.get(o.customerId)! }));
}
export function reviewRows(data: AdminData, state: AdminState): ReviewRow[] {
  const products = new Map(allProducts(data, state).map((p) => [p.id, p]));
  return allReviews(data, state).map((r) => ({ ...r, product: products.get(r.productId)! }));
}
export const customerRows = allCustomers;
export const productRows = allProducts;

// ---- reports ------------------------------------------------------------------------------------------------

export type Period = 'day' | 'month' | 'year';
export interface ReportRow {
  period: string;
  orders: number;
  items: number;
  revenue: number;
}

/** Orders per period between from and to (inclusive), canceled orders left out, oldest period first. */
export function salesReport(orders: Order[], period: Period, from: string, to: string): ReportRow[] {
  const key = (d: string): string => (period === 'day' ? d : period === 'month' ? d.slice(0, 7) : d.slice(0, 4));
  const rows = new Map<string, ReportRow>();
  for (const o of orders) {
    if (o.status === 'Canceled' || o.date < from || o.date > to) continue;
    const k = key(o.date);
    const row = rows.get(k) ?? { period: k, orders: 0, items: 0, revenue: 0 };
    row.orders += 1;
    row.items += o.lines.reduce((s, l) => s + l.qty, 0);
    row.revenue += o.total;
    rows.set(k, row);
  }
  return [...rows.values()].sort((a, b) => cmp(a.period, b.period));
}

/** Units sold per product in a month ('YYYY-MM'), canceled orders left out; most sold first, then by name. */
export function bestsellers(orders: Order[], month: string): Array<{ productId: number; name: string; sku: string; qty: number }> {
  const rows = new Map<number, { productId: number; name: string; sku: string; qty: number }>();
  for (const o of orders) {
    if (o.status === 'Canceled' || !o.date.startsWith(month)) continue;
    for (const l of o.lines) {
      const row = rows.get(l.productId) ?? { productId: l.productId, name: l.name, sku: l.sku, qty: 0 };
      row.qty += l.qty;
      rows.set(l.productId, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.qty - a.qty || cmp(a.name, b.name));
}
