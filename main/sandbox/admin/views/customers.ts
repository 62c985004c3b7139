// Customers > All Customers: the customers grid and the customer page (account, address, group, orders).
import { html } from '../../html';
import { GROUPS, formatDate, money, type AdminData, type Customer } from '../data';
import { CUSTOMER_GRID, customerRows, runGrid, statusSlug, type GridParams } from '../model';
import { orderOf, type AdminState } from '../state';
import { CITIES } from '../vocab';
import { renderGrid, type Column } from './grid';
import { adminLayout, adminPaths } from './layout';

type Flash = AdminState['flash'];

const COLUMNS: Array<Column<Customer>> = [
  { label: 'ID', sortKey: 'id', cell: (c) => String(c.id) },
  { label: 'Name', sortKey: 'name', cell: (c) => html`<a href="${adminPaths.customer(c.id)}">${c.name}</a>` },
  { label: 'Email', sortKey: 'email', cell: (c) => c.email },
  { label: 'Group', cell: (c) => c.group },
  { label: 'City', sortKey: 'city', cell: (c) => c.city },
  { label: 'State', cell: (c) => c.state },
  { label: 'Customer Since', sortKey: 'since', cell: (c) => formatDate(c.since) },
];

export function renderCustomerGrid(data: AdminData, state: AdminState, p: GridParams, flash: Flash): string {
  const result = runGrid(CUSTOMER_GRID, customerRows(data, state), p);
  const cities = [...new Set(CITIES.map((c) => c.city))].sort();
  const body = renderGrid(CUSTOMER_GRID, p, result, [
    { kind: 'text', key: 'q', label: 'Keyword', placeholder: 'Name or email' },
    { kind: 'select', key: 'group', label: 'Group', options: GROUPS.map((g) => ({ value: statusSlug(g), label: g })) },
    { kind: 'select', key: 'city', label: 'City', options: cities.map((c) => ({ value: c, label: c })) },
  ], COLUMNS, 'customers');
  return adminLayout({ data, state, title: 'Customers', body, flash });
}

export function renderCustomerView(data: AdminData, state: AdminState, c: Customer, flash: Flash): string {
  const back = adminPaths.customers + (state.gridQuery.get('customers') ?? '');
  const orders = (data.ordersByCustomer.get(c.id) ?? []).map((o) => orderOf(data, state, o));
  const body = html`
<div class="actions"><a href="${back}">Back</a></div>
<section id="customer-view"><h2>Personal Information</h2><dl>
  <dt>Name</dt><dd>${c.name}</dd><dt>Email</dt><dd>${c.email}</dd><dt>Customer Group</dt><dd id="customer-group">${c.group}</dd>
  <dt>Customer Since</dt><dd>${formatDate(c.since)}</dd><dt>Phone</dt><dd>${c.phone}</dd>
  <dt>Default Billing Address</dt><dd>${c.street}, ${c.city}, ${c.state} ${c.zip}</dd></dl></section>
<form method="post" action="${adminPaths.customerSave(c.id)}"><section><h2>Account Information</h2>
  <div class="field"><label for="group">Group</label><select id="group" name="group">${GROUPS.map((g) => html`<option${g === c.group ? html` selected` : ''}>${g}</option>`)}</select></div>
  <button type="submit">Save Customer</button></section></form>
<section><h2>Orders</h2><p>${orders.length === 1 ? '1 order' : `${orders.length} orders`}</p>
  <table id="customer-orders"><thead><tr><th>Order</th><th>Purchase Date</th><th>Status</th><th>Grand Total</th></tr></thead>
  <tbody>${orders.map((o) => html`<tr><td><a href="${adminPaths.order(o.id)}">${o.number}</a></td><td>${formatDate(o.date)}</td><td>${o.status}</td><td>${money(o.total)}</td></tr>`)}</tbody></table></section>`;
  return adminLayout({ data, state, title: c.name, body, flash });
}
