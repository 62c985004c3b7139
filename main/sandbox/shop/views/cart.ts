// Cart, checkout and order success pages.
import { html, type SafeHtml } from '../../html';
import { formatMoney, type Address, type Order, type ShopData } from '../data';
import { SHIPPING_METHODS, cartQuantity, cartSubtotal, itemLine, type ShopState } from '../state';
import { money, shopLayout, shopPaths } from './layout';

function optionsText(color: string, size: string | null): string {
  return size ? `${color}, ${size}` : color;
}

function cartSummary(data: ShopData, state: ShopState): SafeHtml {
  return html`<section class="box" id="cart-summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
    <ul>${state.cart.map((l) => html`<li>${itemLine(data.productById.get(l.productId)!.name, l.color, l.size, l.qty)}</li>`)}</ul>
    <p>Items: ${cartQuantity(state)} · Subtotal: ${formatMoney(cartSubtotal(data, state))}</p></section>`;
}

export function renderCart(data: ShopData, state: ShopState, flash: ShopState['flash']): string {
  const rows = state.cart.map((l) => {
    const p = data.productById.get(l.productId)!;
    const label = `${p.name} (${optionsText(l.color, l.size)})`;
    return html`<tr><td><a href="${shopPaths.product(p)}">${p.name}</a><div class="muted">Color: ${l.color}${l.size ? html`<br>Size: ${l.size}` : ''}</div></td>
      <td>${money(p.price)}</td>
      <td><label class="sr-only" for="qty-${l.id}">Qty for ${label}</label><input id="qty-${l.id}" type="text" inputmode="numeric" name="qty-${l.id}" value="${l.qty}" size="3"></td>
      <td>${money(p.price * l.qty)}</td>
      <td><button type="submit" class="secondary" name="remove" value="${l.id}" aria-label="Remove ${label}">Remove</button></td></tr>`;
  });
  const body = state.cart.length === 0
    ? html`<h1>Shopping Cart</h1><p>You have no items in your shopping cart.</p>${cartSummary(data, state)}<p><a href="${shopPaths.home}">Continue Shopping</a></p>`
    : html`<h1>Shopping Cart</h1>
      <form method="post" action="${shopPaths.cart}/update"><table><thead><tr><th>Item</th><th>Price</th><th>Qty</th><th>Subtotal</th><th><span class="sr-only">Action</span></th></tr></thead>
      <tbody>${rows}</tbody></table><p><button type="submit" class="secondary">Update Shopping Cart</button></p></form>
      ${cartSummary(data, state)}
      <p><a class="button" href="${shopPaths.checkout}">Proceed to Checkout</a> <a href="${shopPaths.home}">Continue Shopping</a></p>`;
  return shopLayout({ data, state, flash, title: 'Shopping Cart', body, breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: 'Shopping Cart' }] });
}

export const ADDRESS_FIELDS: Array<{ key: keyof Address; label: string; required: boolean }> = [
  { key: 'name', label: 'Full Name', required: true },
  { key: 'street', label: 'Street Address', required: true },
  { key: 'city', label: 'City', required: true },
  { key: 'state', label: 'State/Province', required: true },
  { key: 'zip', label: 'Zip/Postal Code', required: true },
  { key: 'phone', label: 'Phone Number', required: false },
];

export interface CheckoutForm {
  address: Partial<Address>;
  method?: string;
  errors: string[];
}

export function renderCheckout(data: ShopData, state: ShopState, form: CheckoutForm, flash: ShopState['flash']): string {
  if (state.cart.length === 0) {
    const body = html`<h1>Checkout</h1><p>Your shopping cart is empty.</p><p><a href="${shopPaths.home}">Continue Shopping</a></p>`;
    return shopLayout({ data, state, flash, title: 'Checkout', body });
  }
  const body = html`<h1>Checkout</h1>
  ${form.errors.map((e) => html`<div class="msg error" role="alert">${e}</div>`)}
  <form method="post" action="${shopPaths.checkout}">
    <h2>Shipping Address</h2>
    <p><a href="${shopPaths.checkout}?address=saved">Use my saved address</a></p>
    ${ADDRESS_FIELDS.map((f) => html`<div class="field"><label for="ship-${f.key}">${f.label}</label>
      <input id="ship-${f.key}" type="text" name="${f.key}" value="${form.address[f.key] ?? ''}"${f.required ? html` required` : ''}></div>`)}
    <fieldset><legend>Shipping Methods</legend>${SHIPPING_METHODS.map((m) => html`<div>
      <input type="radio" id="ship-method-${m.id}" name="method" value="${m.id}"${form.method === m.id ? html` checked` : ''}>
      <label for="ship-method-${m.id}">${m.label}</label></div>`)}</fieldset>
    ${cartSummary(data, state)}
    <p><button type="submit">Place Order</button></p>
  </form>`;
  return shopLayout({ data, state, flash, title: 'Checkout', body,
    breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: 'Shopping Cart', href: shopPaths.cart }, { label: 'Checkout' }] });
}

export function renderSuccess(data: ShopData, state: ShopState, order: Order | undefined, flash: ShopState['flash']): string {
  const body = order
    ? html`<h1>Thank you for your purchase!</h1><p>Your order number is: <a href="${shopPaths.order(order.number)}">${order.number}</a>.</p>
      <p>We'll email you an order confirmation with details and tracking info.</p><p><a href="${shopPaths.home}">Continue Shopping</a></p>`
    : html`<h1>Order not found</h1><p><a href="${shopPaths.orders}">My Orders</a></p>`;
  return shopLayout({ data, state, flash, title: 'Success', body });
}
