// The admin site's mutable state for one episode, layered over the read-only dataset: changed order statuses
// and new order comments, product edits, review moderation, customer group changes, the grids' last filters
// (Magento keeps them in the session, so "Back" returns to the filtered grid) and one-shot messages.
// A fresh copy is a handful of empty maps, so an episode reset costs microseconds whatever the dataset size.
import {
  ADMIN_TODAY, type AdminData, type AdminProduct, type Customer, type CustomerGroup, type Order, type OrderComment,
  type OrderStatus, type ProductStatus, type Review, type ReviewStatus,
} from './data';

export type GridName = 'orders' | 'products' | 'customers' | 'reviews';

export interface AdminState {
  orderStatus: Map<number, OrderStatus>;
  orderComments: Map<number, OrderComment[]>;
  productEdits: Map<number, Partial<Pick<AdminProduct, 'name' | 'price' | 'qty' | 'status'>>>;
  reviewStatus: Map<number, ReviewStatus>;
  customerGroup: Map<number, CustomerGroup>;
  /** The last query string of each grid ('' or '?…'). */
  gridQuery: Map<GridName, string>;
  flash: Array<{ kind: 'success' | 'error'; text: string }>;
}

export function freshAdminState(_data: AdminData): AdminState {
  return {
    orderStatus: new Map(), orderComments: new Map(), productEdits: new Map(), reviewStatus: new Map(),
    customerGroup: new Map(), gridQuery: new Map(), flash: [],
  };
}

// ---- merged views (dataset + this episode's changes) ----------------------------------------------------

export function orderOf(data: AdminData, state: AdminState, o: Order): Order {
  const status = state.orderStatus.get(o.id);
  const added = state.orderComments.get(o.id);
  return status || added ? { ...o, status: status ?? o.status, comments: added ? [...o.comments, ...added] : o.comments } : o;
}
export function productOf(state: AdminState, p: AdminProduct): AdminProduct {
  const edit = state.productEdits.get(p.id);
  return edit ? { ...p, ...edit } : p;
}
export function reviewOf(state: AdminState, r: Review): Review {
  const status = state.reviewStatus.get(r.id);
  return status ? { ...r, status } : r;
}
export function customerOf(state: AdminState, c: Customer): Customer {
  const group = state.customerGroup.get(c.id);
  return group ? { ...c, group } : c;
}

export const allOrders = (data: AdminData, state: AdminState): Order[] => data.orders.map((o) => orderOf(data, state, o));
export const allProducts = (data: AdminData, state: AdminState): AdminProduct[] => data.products.map((p) => productOf(state, p));
export const allCustomers = (data: AdminData, state: AdminState): Customer[] => data.customers.map((c) => customerOf(state, c));
export const allReviews = (data: AdminData, state: AdminState): Review[] => data.reviews.map((r) => reviewOf(state, r));

// ---- changes ----------------------------------------------------------------------------------------------

export const canCancel = (status: OrderStatus): boolean => status === 'Pending' || status === 'Processing';
export const canHold = (status: OrderStatus): boolean => status === 'Pending' || status === 'Processing';

export function setOrderStatus(state: AdminState, order: Order, status: OrderStatus, note: string): void {
  state.orderStatus.set(order.id, status);
  addComment(state, order.id, note, status);
}

export function addComment(state: AdminState, orderId: number, text: string, status: OrderStatus): void {
  const list = state.orderComments.get(orderId) ?? [];
  list.push({ date: ADMIN_TODAY, text, status });
  state.orderComments.set(orderId, list);
}

export function editProduct(state: AdminState, id: number, fields: { name: string; price: number; qty: number; status: ProductStatus }): void {
  state.productEdits.set(id, fields);
}

// ---- named checks for `site_state` subgoal predicates (prefix `admin.`) ----------------------------------

const norm = (text: unknown): string => String(text ?? '').replace(/\s+/g, ' ').trim();
const ids = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : [Number(v)]);

export function checkAdminState(data: AdminData, state: AdminState, check: string, args: Record<string, unknown>): boolean {
  switch (check) {
    case 'admin.order_status':
      // Every order of `orders` has `status`.
      return ids(args.orders).every((id) => {
        const o = data.orderById.get(id);
        return !!o && orderOf(data, state, o).status === args.status;
      });
    case 'admin.order_comment':
      return (state.orderComments.get(Number(args.order)) ?? []).some((c) => norm(c.text) === norm(args.text));
    case 'admin.product_saved':
      // Every product of `products` was saved with the given fields (those present in args).
      return ids(args.products).every((id) => {
        const edit = state.productEdits.get(id);
        return !!edit && (args.qty === undefined || edit.qty === Number(args.qty)) && (args.price === undefined || edit.price === Number(args.price))
          && (args.status === undefined || edit.status === args.status);
      });
    case 'admin.review_status':
      return ids(args.reviews).every((id) => state.reviewStatus.get(id) === args.status);
    case 'admin.customer_group':
      return ids(args.customers).every((id) => state.customerGroup.get(id) === args.group);
    default:
      throw new Error(`unknown admin state check: ${check}`);
  }
}
