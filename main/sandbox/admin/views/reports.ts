// Reports (sales by period, bestsellers of a month, low stock) and the dashboard.
import { html } from '../../html';
import { formatDate, monthName, money, type AdminData } from '../data';
import { bestsellers, salesReport, type Period } from '../model';
import { allOrders, allProducts, allReviews, type AdminState } from '../state';
import { SEARCH_TERMS } from '../vocab';
import { adminLayout, adminPaths } from './layout';

type Flash = AdminState['flash'];
const isIso = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);
export const PERIODS: Array<{ key: Period; label: string }> = [{ key: 'day', label: 'Day' }, { key: 'month', label: 'Month' }, { key: 'year', label: 'Year' }];
export const REPORT_YEARS = ['2022', '2023', '2024'];

export function intervalLabel(period: Period, key: string): string {
  if (period === 'day') return formatDate(key);
  if (period === 'month') return `${monthName(Number(key.slice(5, 7)))} ${key.slice(0, 4)}`;
  return key;
}

export function renderSalesReport(data: AdminData, state: AdminState, q: URLSearchParams): string {
  const from = (q.get('from') ?? '').trim();
  const to = (q.get('to') ?? '').trim();
  const period = (PERIODS.find((p) => p.key === q.get('period'))?.key ?? 'day') as Period;
  const ready = isIso(from) && isIso(to);
  const rows = ready ? salesReport(allOrders(data, state), period, from, to) : [];
  const sum = (k: 'orders' | 'items' | 'revenue') => rows.reduce((s, r) => s + r[k], 0);
  const body = html`
<form class="filters" method="get" action="${adminPaths.salesReport}" aria-label="Report filter">
  <div><label for="from">From</label><input id="from" type="text" name="from" value="${from}" placeholder="YYYY-MM-DD"></div>
  <div><label for="to">To</label><input id="to" type="text" name="to" value="${to}" placeholder="YYYY-MM-DD"></div>
  <div><label for="period">Period</label><select id="period" name="period">${PERIODS.map((p) => html`<option value="${p.key}"${p.key === period ? html` selected` : ''}>${p.label}</option>`)}</select></div>
  <button type="submit">Show Report</button></form>
<p>Canceled orders are not included in this report.</p>
${!ready ? html`<p>Enter a date range (From and To) and press Show Report.</p>` : html`
<table id="report"><thead><tr><th>Interval</th><th>Orders</th><th>Sales Items</th><th>Sales Total</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${intervalLabel(period, r.period)}</td><td>${r.orders}</td><td>${r.items}</td><td>${money(r.revenue)}</td></tr>`)}
<tr><td>Total</td><td>${sum('orders')}</td><td>${sum('items')}</td><td>${money(sum('revenue'))}</td></tr></tbody></table>`}`;
  return adminLayout({ data, state, title: 'Sales Report', body });
}

export function renderBestsellers(data: AdminData, state: AdminState, q: URLSearchParams): string {
  const month = Number(q.get('month'));
  const year = q.get('year') ?? '';
  const ready = month >= 1 && month <= 12 && REPORT_YEARS.includes(year);
  const rows = ready ? bestsellers(allOrders(data, state), `${year}-${String(month).padStart(2, '0')}`).slice(0, 10) : [];
  const body = html`
<form class="filters" method="get" action="${adminPaths.bestsellers}" aria-label="Report filter">
  <div><label for="month">Month</label><select id="month" name="month">${Array.from({ length: 12 }, (_, i) => html`<option value="${i + 1}"${i + 1 === month ? html` selected` : ''}>${monthName(i + 1)}</option>`)}</select></div>
  <div><label for="year">Year</label><select id="year" name="year">${REPORT_YEARS.map((y) => html`<option${y === year ? html` selected` : ''}>${y}</option>`)}</select></div>
  <button type="submit">Show Report</button></form>
${!ready ? html`<p>Choose a month and press Show Report.</p>` : html`<h2>Bestsellers of ${monthName(month)} ${year}</h2>
<table id="bestsellers"><thead><tr><th>Rank</th><th>Product</th><th>SKU</th><th>Quantity Ordered</th></tr></thead><tbody>
${rows.map((r, i) => html`<tr><td>${i + 1}</td><td>${r.name}</td><td>${r.sku}</td><td>${r.qty}</td></tr>`)}</tbody></table>`}`;
  return adminLayout({ data, state, title: 'Bestsellers Report', body });
}

export function renderLowStock(data: AdminData, state: AdminState): string {
  const low = allProducts(data, state).filter((p) => p.qty < 10).sort((a, b) => a.qty - b.qty || a.id - b.id);
  const body = html`<p>Products with fewer than 10 units in stock.</p><table id="low-stock"><thead><tr><th>Product</th><th>SKU</th><th>Quantity</th></tr></thead><tbody>
${low.map((p) => html`<tr><td><a href="${adminPaths.product(p.id)}">${p.name}</a></td><td>${p.sku}</td><td>${p.qty}</td></tr>`)}</tbody></table>`;
  return adminLayout({ data, state, title: 'Low Stock Report', body });
}

export function renderDashboard(data: AdminData, state: AdminState, flash: Flash): string {
  const orders = allOrders(data, state).filter((o) => o.status !== 'Canceled');
  const lifetime = orders.reduce((s, o) => s + o.total, 0);
  const last = allOrders(data, state).slice(-5).reverse();
  const pending = allReviews(data, state).filter((r) => r.status === 'Pending').length;
  const body = html`
<div class="tiles"><div class="tile">Lifetime Sales<strong>${money(lifetime)}</strong></div>
  <div class="tile">Average Order<strong>${money(Math.round(lifetime / Math.max(1, orders.length)))}</strong></div>
  <div class="tile">Customers<strong>${data.customers.length}</strong></div></div>
<p><a href="${adminPaths.reviews}?status=pending">${pending} reviews are waiting for moderation</a></p>
<section><h2>Last Orders</h2><table id="last-orders"><thead><tr><th>Order</th><th>Customer</th><th>Items</th><th>Total</th></tr></thead><tbody>
${last.map((o) => html`<tr><td><a href="${adminPaths.order(o.id)}">${o.number}</a></td><td>${data.customerById.get(o.customerId)!.name}</td><td>${o.lines.reduce((s, l) => s + l.qty, 0)}</td><td>${money(o.total)}</td></tr>`)}</tbody></table></section>
<section><h2>Last Search Terms</h2><ul>${SEARCH_TERMS.map((t) => html`<li>${t}</li>`)}</ul></section>`;
  return adminLayout({ data, state, title: 'Dashboard', body, flash });
}
