// The shop's mutable state for one episode: cart, orders, wish list, submitted reviews and one-shot flash
// messages. A fresh copy is made from the seeded order history at every reset (cheap: plain JSON data).
import { SHOP_TODAY, type Address, type Order, type OrderLine, type Product, type ShopData } from './data';

export interface CartLine {
  id: number;
  productId: number;
  color: string;
  size: string | null;
  qty: number;
}

export interface SubmittedReview {
  id: number;
  productId: number;
  stars: number;
  nickname: string;
  summary: string;
  text: string;
  date: string;
  /** Reviews wait for moderation, so they never change a product's rating. */
  status: 'Pending';
}

export interface ShopState {
  cart: CartLine[];
  nextLineId: number;
  /** Oldest first. */
  orders: Order[];
  wishlist: number[];
  reviews: SubmittedReview[];
  /** Messages shown once on the next page view (like a storefront's session messages). */
  flash: Array<{ kind: 'success' | 'error'; text: string }>;
}

export function freshShopState(data: ShopData): ShopState {
  return { cart: [], nextLineId: 1, orders: structuredClone(data.initialOrders), wishlist: [], reviews: [], flash: [] };
}

export function cartQuantity(state: ShopState): number {
  return state.cart.reduce((sum, l) => sum + l.qty, 0);
}

export function cartSubtotal(data: ShopData, state: ShopState): number {
  return state.cart.reduce((sum, l) => sum + (data.productById.get(l.productId)?.price ?? 0) * l.qty, 0);
}

/** Adds to the cart, merging with a line of the same product and options. */
export function addToCart(state: ShopState, product: Product, color: string, size: string | null, qty: number): void {
  const same = state.cart.find((l) => l.productId === product.id && l.color === color && l.size === size);
  if (same) same.qty += qty;
  else state.cart.push({ id: state.nextLineId++, productId: product.id, color, size, qty });
}

export const SHIPPING_METHODS = [
  { id: 'flatrate', label: 'Flat Rate ($5.00 per item)', title: 'Flat Rate' },
  { id: 'express', label: 'Express Delivery ($15.00)', title: 'Express Delivery' },
  { id: 'pickup', label: 'Store Pickup ($0.00)', title: 'Store Pickup' },
] as const;
export type ShippingMethodId = (typeof SHIPPING_METHODS)[number]['id'];

export function shippingCost(method: ShippingMethodId, itemCount: number): number {
  return method === 'flatrate' ? 500 * itemCount : method === 'express' ? 1500 : 0;
}

/** Turns the cart into a new order (newest) and empties the cart. */
export function placeOrder(data: ShopData, state: ShopState, address: Address, method: ShippingMethodId): Order {
  const lines: OrderLine[] = state.cart.map((l) => {
    const p = data.productById.get(l.productId)!;
    return { productId: p.id, name: p.name, sku: p.sku, color: l.color, size: l.size, qty: l.qty, price: p.price };
  });
  const subtotal = lines.reduce((sum, l) => sum + l.price * l.qty, 0);
  const shipping = shippingCost(method, cartQuantity(state));
  const last = state.orders[state.orders.length - 1];
  const order: Order = {
    number: String((last ? Number(last.number) : 100) + 1).padStart(9, '0'), date: SHOP_TODAY, status: 'Pending', lines,
    subtotal, shipping, total: subtotal + shipping, shippingMethod: SHIPPING_METHODS.find((m) => m.id === method)!.title, address,
  };
  state.orders.push(order);
  state.cart = [];
  return order;
}

/** One line of a cart or order as the summaries print it; evaluators match these with must_include, so the
 * format is part of the task contract: `Qty: 2 | Name | Color: Red | Size: M`. */
export function itemLine(name: string, color: string, size: string | null, qty: number): string {
  return `Qty: ${qty} | ${name} | Color: ${color}${size ? ` | Size: ${size}` : ''}`;
}

/** Named checks for `site_state` subgoal predicates (prefix `shop.`). */
export function checkShopState(data: ShopData, state: ShopState, check: string, args: Record<string, unknown>): boolean {
  const product = typeof args.product === 'string' ? data.products.find((p) => p.name === args.product) : undefined;
  const matches = (line: { productId: number; color: string; size: string | null; qty: number }): boolean =>
    (!product || line.productId === product.id) &&
    (args.color === undefined || line.color === args.color) &&
    (args.size === undefined || line.size === args.size) &&
    (args.qty === undefined || line.qty === Number(args.qty));
  switch (check) {
    case 'shop.cart_contains':
      return state.cart.some(matches);
    case 'shop.wishlist_contains':
      return !!product && state.wishlist.includes(product.id);
    case 'shop.order_placed': {
      const fresh = state.orders.slice(data.initialOrders.length);
      return fresh.some((o) => o.lines.some(matches) && (args.zip === undefined || o.address.zip === args.zip));
    }
    case 'shop.review_submitted':
      return state.reviews.some((r) => (!product || r.productId === product.id) && (args.stars === undefined || r.stars === Number(args.stars)));
    default:
      throw new Error(`unknown shop state check: ${check}`);
  }
}
