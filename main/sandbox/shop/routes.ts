// Request handling for the shop: GET pages and POST forms (every POST answers 303 See Other to a GET page).
import type { SiteModule, SiteRequest, SiteResponse } from '../site';
import { categoryBySlug, getShopData, SHOP_TODAY, type Address, type ShopData } from './data';
import { parseListingQuery } from './catalog';
import { SHIPPING_METHODS, addToCart, checkShopState, freshShopState, placeOrder, type ShippingMethodId, type ShopState } from './state';
import { renderAccount, renderMyReviews, renderOrder, renderOrders, renderWishlist } from './views/account';
import { ADDRESS_FIELDS, renderCart, renderCheckout, renderSuccess } from './views/cart';
import { shopPaths } from './views/layout';
import { renderListing } from './views/listing';
import { renderHome, renderNotFound, renderStaticPage } from './views/pages';
import { renderProduct } from './views/product';
import { orNotFound, pathParts } from '../route-kit';

type ShopRequest = SiteRequest<ShopData, ShopState>;

const ok = (html: string): SiteResponse => ({ status: 200, html });
const see = (redirect: string): SiteResponse => ({ status: 303, redirect });

function parseQty(text: string | null): number | null {
  const t = (text ?? '').trim();
  if (t === '') return 1;
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 999 ? n : null;
}

function handleGet(req: ShopRequest, parts: string[]): SiteResponse | null {
  const { data, state } = req;
  const flash = state.flash.splice(0);
  const [head, second, third] = parts;
  if (parts.length === 0) return ok(renderHome(data, state, flash));
  if (head === 'category' && second && parts.length === 2 && categoryBySlug(data, second)) {
    return ok(renderListing(data, state, { ...parseListingQuery(req.query), category: second }, flash));
  }
  if (head === 'search' && parts.length === 1) {
    return ok(renderListing(data, state, { ...parseListingQuery(req.query), q: req.query.get('q') ?? '' }, flash));
  }
  if (head === 'product' && second && parts.length === 2) {
    const p = data.productBySlug.get(second);
    return p ? ok(renderProduct(data, state, p, flash)) : null;
  }
  if (head === 'cart' && parts.length === 1) return ok(renderCart(data, state, flash));
  if (head === 'checkout' && parts.length === 1) {
    const saved = req.query.get('address') === 'saved' ? data.customer.address : {};
    return ok(renderCheckout(data, state, { address: saved, errors: [] }, flash));
  }
  if (head === 'checkout' && second === 'success' && parts.length === 2) {
    return ok(renderSuccess(data, state, state.orders.find((o) => o.number === req.query.get('order')), flash));
  }
  if (head === 'wishlist' && parts.length === 1) return ok(renderWishlist(data, state, flash));
  if (head === 'account') {
    if (parts.length === 1) return ok(renderAccount(data, state, flash));
    if (second === 'orders' && parts.length === 2) return ok(renderOrders(data, state, Number(req.query.get('page')) || 1, flash));
    if (second === 'orders' && third && parts.length === 3) {
      // `latest` is the newest order (WebArena's shopping_get_latest_order_url, as a plain URL).
      const order = third === 'latest' ? state.orders[state.orders.length - 1] : state.orders.find((o) => o.number === third);
      return order ? ok(renderOrder(data, state, order, flash)) : null;
    }
    if (second === 'reviews' && parts.length === 2) return ok(renderMyReviews(data, state, flash));
  }
  if (head === 'page' && second && parts.length === 2) {
    const page = renderStaticPage(data, state, second, flash);
    return page ? ok(page) : null;
  }
  return null;
}

function handlePost(req: ShopRequest, parts: string[]): SiteResponse | null {
  const { data, state, form } = req;
  const path = parts.join('/');
  const productFromForm = () => data.productById.get(Number(form.get('product')));
  if (path === 'cart/add') {
    const p = productFromForm();
    if (!p) return see(shopPaths.home);
    const color = form.get('color') ?? '';
    const size = form.get('size') ?? '';
    const qty = parseQty(form.get('qty'));
    const errors: string[] = [];
    if (!p.colors.includes(color)) errors.push('Please choose a Color. This is a required field.');
    if (p.sizes.length && !p.sizes.includes(size)) errors.push('Please choose a Size. This is a required field.');
    if (qty === null) errors.push('Please enter a valid quantity (a whole number from 1 to 999).');
    if (errors.length) {
      state.flash.push(...errors.map((text) => ({ kind: 'error' as const, text })));
      return see(shopPaths.product(p));
    }
    addToCart(state, p, color, p.sizes.length ? size : null, qty!);
    state.flash.push({ kind: 'success', text: `You added ${p.name} to your shopping cart.` });
    return see(shopPaths.product(p));
  }
  if (path === 'cart/update') {
    const remove = Number(form.get('remove'));
    if (remove) {
      state.cart = state.cart.filter((l) => l.id !== remove);
      state.flash.push({ kind: 'success', text: 'You removed the item from your shopping cart.' });
      return see(shopPaths.cart);
    }
    for (const line of state.cart) {
      const text = form.get(`qty-${line.id}`);
      if (text === null) continue;
      if (text.trim() === '0') line.qty = 0;
      else line.qty = parseQty(text) ?? line.qty;
    }
    state.cart = state.cart.filter((l) => l.qty > 0);
    state.flash.push({ kind: 'success', text: 'Your shopping cart has been updated.' });
    return see(shopPaths.cart);
  }
  if (path === 'checkout') {
    const address = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f.key, (form.get(f.key) ?? '').trim()])) as unknown as Address;
    const method = form.get('method') ?? '';
    const errors = ADDRESS_FIELDS.filter((f) => f.required && !address[f.key]).map((f) => `Please fill in ${f.label}. This is a required field.`);
    if (!SHIPPING_METHODS.some((m) => m.id === method)) errors.push('Please choose a shipping method.');
    if (state.cart.length === 0) return see(shopPaths.cart);
    if (errors.length) return ok(renderCheckout(data, state, { address, method, errors }, state.flash.splice(0)));
    const order = placeOrder(data, state, address, method as ShippingMethodId);
    return see(`${shopPaths.checkout}/success?order=${order.number}`);
  }
  if (parts[0] === 'product' && parts.length === 3 && parts[2] === 'review') {
    const p = data.productBySlug.get(parts[1]);
    if (!p) return null;
    const stars = Number(form.get('stars'));
    const fields = { nickname: (form.get('nickname') ?? '').trim(), summary: (form.get('summary') ?? '').trim(), text: (form.get('text') ?? '').trim() };
    const errors: string[] = [];
    if (!(stars >= 1 && stars <= 5 && Number.isInteger(stars))) errors.push('Please select one of each of the ratings above.');
    for (const [key, label] of [['nickname', 'Nickname'], ['summary', 'Summary'], ['text', 'Review']] as const) {
      if (!fields[key]) errors.push(`Please fill in ${label}. This is a required field.`);
    }
    if (errors.length) {
      state.flash.push(...errors.map((text) => ({ kind: 'error' as const, text })));
      return see(`${shopPaths.product(p)}#review-form`);
    }
    state.reviews.push({ id: state.reviews.length + 1, productId: p.id, stars, ...fields, date: SHOP_TODAY, status: 'Pending' });
    state.flash.push({ kind: 'success', text: 'You submitted your review for moderation.' });
    return see(shopPaths.product(p));
  }
  if (path === 'wishlist/add' || path === 'wishlist/remove') {
    const p = productFromForm();
    if (!p) return see(shopPaths.wishlist);
    if (path === 'wishlist/add') {
      if (!state.wishlist.includes(p.id)) state.wishlist.push(p.id);
      state.flash.push({ kind: 'success', text: `${p.name} has been added to your Wish List.` });
    } else {
      state.wishlist = state.wishlist.filter((id) => id !== p.id);
      state.flash.push({ kind: 'success', text: `${p.name} has been removed from your Wish List.` });
    }
    return see(shopPaths.wishlist);
  }
  return null;
}

export function handleShop(req: ShopRequest): SiteResponse {
  const parts = pathParts(req.path);
  const res = req.method === 'POST' ? handlePost(req, parts) : req.method === 'GET' || req.method === 'HEAD' ? handleGet(req, parts) : null;
  return orNotFound(req.method, res, () => renderNotFound(req.data, req.state));
}
