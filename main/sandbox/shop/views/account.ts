// The signed-in customer's pages: account dashboard, order history (paged), order detail, submitted reviews
// and wish list.
import { html, queryString, type SafeHtml } from '../../html';
import { formatDate, formatMoney, type Order, type ShopData } from '../data';
import { itemLine, type ShopState } from '../state';
import { money, shopLayout, shopPaths } from './layout';
import { starLabel } from './product';

export const ORDERS_PER_PAGE = 10;

function accountNav(): SafeHtml {
  return html`<nav aria-label="Account"><h2>Account</h2><ul>
    <li><a href="${shopPaths.account}">My Account</a></li><li><a href="${shopPaths.orders}">My Orders</a></li>
    <li><a href="${shopPaths.wishlist}">My Wish List</a></li><li><a href="${shopPaths.reviews}">My Product Reviews</a></li>
    <li><a href="${shopPaths.page('newsletter')}">Newsletter Subscriptions</a></li></ul></nav>`;
}

function ordersTable(orders: Order[]): SafeHtml {
  return html`<table><thead><tr><th>Order #</th><th>Date</th><th>Ship To</th><th>Order Total</th><th>Status</th><th>Action</th></tr></thead>
  <tbody>${orders.map((o) => html`<tr><td>${o.number}</td><td>${formatDate(o.date)}</td><td>${o.address.name}</td>
    <td>${formatMoney(o.total)}</td><td>${o.status}</td>
    <td><a href="${shopPaths.order(o.number)}" aria-label="View Order ${o.number}">View Order</a></td></tr>`)}</tbody></table>`;
}

/** Newest first, as the order history lists them. */
export function ordersNewestFirst(state: ShopState): Order[] {
  return state.orders.slice().reverse();
}

export function renderAccount(data: ShopData, state: ShopState, flash: ShopState['flash']): string {
  const c = data.customer;
  const a = c.address;
  const body = html`<h1>My Account</h1>
  <div class="box"><h2>Contact Information</h2><p>${c.firstName} ${c.lastName}<br>${c.email}</p></div>
  <div class="box"><h2>Default Shipping Address</h2><p>${a.name}<br>${a.street}<br>${a.city}, ${a.state}, ${a.zip}<br>T: ${a.phone}</p></div>
  <h2>Recent Orders</h2>${ordersTable(ordersNewestFirst(state).slice(0, 5))}`;
  return shopLayout({ data, state, flash, title: 'My Account', body, sidebar: accountNav(),
    breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: 'My Account' }] });
}

export function renderOrders(data: ShopData, state: ShopState, requestedPage: number, flash: ShopState['flash']): string {
  const all = ordersNewestFirst(state);
  const pages = Math.max(1, Math.ceil(all.length / ORDERS_PER_PAGE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const shown = all.slice((page - 1) * ORDERS_PER_PAGE, page * ORDERS_PER_PAGE);
  const href = (n: number) => shopPaths.orders + queryString({ page: n > 1 ? n : undefined });
  const links: SafeHtml[] = [];
  if (page > 1) links.push(html`<li><a href="${href(page - 1)}">Previous</a></li>`);
  for (let n = 1; n <= pages; n++) {
    links.push(n === page ? html`<li><span aria-current="page">${n}</span></li>` : html`<li><a href="${href(n)}"><span class="sr-only">Page </span>${n}</a></li>`);
  }
  if (page < pages) links.push(html`<li><a href="${href(page + 1)}">Next</a></li>`);
  const first = (page - 1) * ORDERS_PER_PAGE + 1;
  const body = html`<h1>My Orders</h1>
  ${all.length === 0 ? html`<p>You have placed no orders.</p>` : html`<p>Items ${first} to ${first + shown.length - 1} of ${all.length} total</p>
  ${ordersTable(shown)}<nav class="pager" aria-label="Pagination"><ul>${links}</ul></nav>`}`;
  return shopLayout({ data, state, flash, title: 'My Orders', body, sidebar: accountNav(),
    breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: 'My Account', href: shopPaths.account }, { label: 'My Orders' }] });
}

export function renderOrder(data: ShopData, state: ShopState, order: Order, flash: ShopState['flash']): string {
  const a = order.address;
  const body = html`<h1>Order # ${order.number}</h1>
  <p><strong>${order.status}</strong> · Order Date: ${formatDate(order.date)}</p>
  <h2>Items Ordered</h2>
  <table><thead><tr><th>Product Name</th><th>SKU</th><th>Price</th><th>Qty</th><th>Subtotal</th></tr></thead>
  <tbody>${order.lines.map((l) => {
    const p = data.productById.get(l.productId);
    return html`<tr><td>${p ? html`<a href="${shopPaths.product(p)}">${l.name}</a>` : l.name}<div class="muted">Color: ${l.color}${l.size ? html`<br>Size: ${l.size}` : ''}</div></td>
      <td>${l.sku}</td><td>${money(l.price)}</td><td>Ordered: ${l.qty}</td><td>${money(l.price * l.qty)}</td></tr>`;
  })}</tbody></table>
  <section class="box" id="order-items" aria-label="Items summary"><ul>${order.lines.map((l) => html`<li>${itemLine(l.name, l.color, l.size, l.qty)}</li>`)}</ul></section>
  <table id="order-totals"><tbody><tr><th scope="row">Subtotal</th><td>${formatMoney(order.subtotal)}</td></tr>
    <tr><th scope="row">Shipping &amp; Handling</th><td>${formatMoney(order.shipping)}</td></tr>
    <tr><th scope="row">Grand Total</th><td>${formatMoney(order.total)}</td></tr></tbody></table>
  <h2>Order Information</h2>
  <div class="box" id="shipping-address"><h3>Shipping Address</h3><p>${a.name}<br>${a.street}<br>${a.city}, ${a.state}, ${a.zip}${a.phone ? html`<br>T: ${a.phone}` : ''}</p></div>
  <div class="box" id="shipping-method"><h3>Shipping Method</h3><p>${order.shippingMethod}</p></div>
  <p><a href="${shopPaths.orders}">Back to My Orders</a></p>`;
  return shopLayout({ data, state, flash, title: `Order # ${order.number}`, body, sidebar: accountNav(),
    breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: 'My Orders', href: shopPaths.orders }, { label: `Order # ${order.number}` }] });
}

export function renderMyReviews(data: ShopData, state: ShopState, flash: ShopState['flash']): string {
  const body = html`<h1>My Product Reviews</h1>
  ${state.reviews.length === 0 ? html`<p>You have submitted no reviews.</p>` : ''}<ul id="my-reviews">${state.reviews.slice().reverse().map((r) => {
    const p = data.productById.get(r.productId)!;
    return html`<li class="box"><a href="${shopPaths.product(p)}">${p.name}</a><div>Rating: ${starLabel(r.stars)}</div>
      <div>Summary: ${r.summary}</div><div>Nickname: ${r.nickname}</div><div>Review: ${r.text}</div><div class="muted">Status: ${r.status} · ${formatDate(r.date)}</div></li>`;
  })}</ul>`;
  return shopLayout({ data, state, flash, title: 'My Product Reviews', body, sidebar: accountNav(),
    breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: 'My Account', href: shopPaths.account }, { label: 'My Product Reviews' }] });
}

export function renderWishlist(data: ShopData, state: ShopState, flash: ShopState['flash']): string {
  const items = state.wishlist.map((id) => data.productById.get(id)!);
  const body = html`<h1>My Wish List</h1>
  ${items.length === 0 ? html`<p>You have no items in your wish list.</p>` : ''}<ul id="wishlist-items" class="grid">${items.map((p) => html`<li class="card">
    <a href="${shopPaths.product(p)}">${p.name}</a><div>${money(p.price)}</div>
    <form method="post" action="${shopPaths.wishlist}/remove"><input type="hidden" name="product" value="${p.id}">
    <button type="submit" class="secondary" aria-label="Remove ${p.name} from Wish List">Remove</button></form></li>`)}</ul>`;
  return shopLayout({ data, state, flash, title: 'My Wish List', body, sidebar: accountNav(),
    breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: 'My Account', href: shopPaths.account }, { label: 'My Wish List' }] });
}
