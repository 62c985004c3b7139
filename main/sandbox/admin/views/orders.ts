// Sales > Orders: the orders grid and the order page (information, items, totals, actions, comment history).
import { html } from '../../html';
import { ORDER_STATUSES, formatDate, money, type AdminData, type Order } from '../data';
import { ORDER_GRID, orderRows, runGrid, type GridParams, type OrderRow } from '../model';
import { canCancel, canHold, customerOf, type AdminState } from '../state';
import { renderGrid, type Column } from './grid';
import { actionButton, adminLayout, adminPaths } from './layout';

type Flash = AdminState['flash'];

const COLUMNS: Array<Column<OrderRow>> = [
  { label: 'ID', sortKey: 'number', cell: (o) => html`<a href="${adminPaths.order(o.id)}">${o.number}</a>` },
  { label: 'Purchase Date', sortKey: 'date', cell: (o) => formatDate(o.date) },
  { label: 'Bill-to Name', sortKey: 'customer', cell: (o) => o.customer.name },
  { label: 'Grand Total', sortKey: 'total', cell: (o) => money(o.total) },
  { label: 'Status', sortKey: 'status', cell: (o) => o.status },
  { label: 'Items', cell: (o) => String(o.lines.reduce((s, l) => s + l.qty, 0)) },
];

export function renderOrderGrid(data: AdminData, state: AdminState, p: GridParams, flash: Flash): string {
  const result = runGrid(ORDER_GRID, orderRows(data, state), p);
  const body = renderGrid(ORDER_GRID, p, result, [
    { kind: 'text', key: 'q', label: 'Keyword', placeholder: 'Order number, customer name or email' },
    { kind: 'select', key: 'status', label: 'Status', options: ORDER_STATUSES.map((s) => ({ value: s.key, label: s.label })) },
    { kind: 'text', key: 'from', label: 'Purchased From', placeholder: 'YYYY-MM-DD' },
    { kind: 'text', key: 'to', label: 'Purchased To', placeholder: 'YYYY-MM-DD' },
  ], COLUMNS, 'orders');
  return adminLayout({ data, state, title: 'Orders', body, flash });
}

export function renderOrderView(data: AdminData, state: AdminState, o: Order, flash: Flash): string {
  const c = customerOf(state, data.customerById.get(o.customerId)!);
  const back = adminPaths.orders + (state.gridQuery.get('orders') ?? '');
  const items = o.lines.reduce((s, l) => s + l.qty, 0);
  const body = html`
<div class="actions"><a href="${back}">Back</a>
  ${canCancel(o.status) ? actionButton(adminPaths.orderAction(o.id, 'cancel'), 'Cancel', true) : ''}
  ${canHold(o.status) ? actionButton(adminPaths.orderAction(o.id, 'hold'), 'Hold', true) : ''}
  ${o.status === 'On Hold' ? actionButton(adminPaths.orderAction(o.id, 'unhold'), 'Unhold', true) : ''}
  <a href="${adminPaths.page('invoices')}">Invoice</a><a href="${adminPaths.page('shipments')}">Ship</a></div>
<section id="order-info"><h2>Order &amp; Account Information</h2><dl>
  <dt>Order Date</dt><dd>${formatDate(o.date)}</dd>
  <dt>Order Status</dt><dd id="order-status">${o.status}</dd>
  <dt>Purchased From</dt><dd>${data.storeName}, Default Store View</dd>
  <dt>Customer Name</dt><dd><a href="${adminPaths.customer(c.id)}">${c.name}</a></dd>
  <dt>Email</dt><dd id="customer-email">${c.email}</dd>
  <dt>Customer Group</dt><dd>${c.group}</dd></dl></section>
<section><h2>Address Information</h2><p>${c.name}, ${c.street}, ${c.city}, ${c.state} ${c.zip}, United States. T: ${c.phone}</p></section>
<section><h2>Payment &amp; Shipping Method</h2><dl><dt>Payment</dt><dd>${o.payment}</dd><dt>Shipping</dt><dd>${o.shippingMethod}</dd></dl></section>
<section><h2>Items Ordered</h2><table id="items"><thead><tr><th>Product</th><th>SKU</th><th>Price</th><th>Qty</th><th>Row Total</th></tr></thead>
  <tbody>${o.lines.map((l) => html`<tr><td>${l.name}</td><td>${l.sku}</td><td>${money(l.price)}</td><td>${l.qty}</td><td>${money(l.price * l.qty)}</td></tr>`)}</tbody></table></section>
<section id="totals"><h2>Order Totals</h2><dl><dt>Items</dt><dd>${items}</dd><dt>Subtotal</dt><dd>${money(o.subtotal)}</dd>
  <dt>Shipping &amp; Handling</dt><dd>${money(o.shipping)}</dd><dt>Grand Total</dt><dd id="grand-total">${money(o.total)}</dd></dl></section>
<section><h2>Notes for this Order</h2>
  <form method="post" action="${adminPaths.orderAction(o.id, 'comment')}"><div class="field"><label for="comment">Comment</label><textarea id="comment" name="comment" rows="3"></textarea></div>
  <button type="submit">Submit Comment</button></form>
  <ul id="history">${o.comments.slice().reverse().map((h) => html`<li>${formatDate(h.date)} | ${h.status} | ${h.text}</li>`)}</ul></section>`;
  return adminLayout({ data, state, title: `Order # ${o.number}`, body, flash });
}
