// Request handling for the admin: GET pages and POST forms (every successful POST answers 303 See Other).
// Grid URLs are canonical (empty filters dropped): a filter form's raw query is redirected once.
import type { SiteRequest, SiteResponse } from '../site';
import { GROUPS, type AdminData, type CustomerGroup, type ProductStatus } from './data';
import { CUSTOMER_GRID, ORDER_GRID, PRODUCT_GRID, REVIEW_GRID, gridQuery, parseGrid, type GridSpec } from './model';
import { addComment, canCancel, canHold, customerOf, editProduct, orderOf, productOf, reviewOf, setOrderStatus, type AdminState } from './state';
import { productFields, renderProductEdit, renderProductGrid, type ProductFields } from './views/catalog';
import { renderCustomerGrid, renderCustomerView } from './views/customers';
import { adminLayout, adminPaths, renderStub } from './views/layout';
import { renderOrderGrid, renderOrderView } from './views/orders';
import { renderBestsellers, renderDashboard, renderLowStock, renderSalesReport } from './views/reports';
import { renderReviewEdit, renderReviewGrid } from './views/reviews';
import { html } from '../html';
import { orNotFound, pathParts } from '../route-kit';

type AdminRequest = SiteRequest<AdminData, AdminState>;

const ok = (html: string): SiteResponse => ({ status: 200, html });
const see = (redirect: string): SiteResponse => ({ status: 303, redirect });
const idOf = (s: string | undefined): number => (s && /^\d{1,7}$/.test(s) ? Number(s) : -1);

/** Renders a grid at its canonical URL (redirecting there first) and remembers it for "Back" links. */
function grid<T>(req: AdminRequest, spec: GridSpec<T>, render: (p: ReturnType<typeof parseGrid>) => string): SiteResponse {
  const p = parseGrid(spec, req.query);
  const canonical = gridQuery(spec, p);
  const asked = req.query.toString();
  if (canonical !== (asked ? `?${asked}` : '')) return see(spec.path + canonical);
  req.state.gridQuery.set(spec.name, canonical);
  return ok(render(p));
}

function handleGet(req: AdminRequest, parts: string[]): SiteResponse | null {
  const { data, state, query } = req;
  const flash = state.flash.splice(0);
  const [a, b, c, d] = parts;
  const n = parts.length;
  if (n === 0 || (a === 'dashboard' && n === 1)) return ok(renderDashboard(data, state, flash));
  if (a === 'sales' && b === 'order') {
    if (n === 2) return grid(req, ORDER_GRID, (p) => renderOrderGrid(data, state, p, flash));
    const o = data.orderById.get(idOf(d));
    if (c === 'view' && n === 4 && o) return ok(renderOrderView(data, state, orderOf(data, state, o), flash));
  }
  if (a === 'catalog' && b === 'product') {
    if (n === 2) return grid(req, PRODUCT_GRID, (p) => renderProductGrid(data, state, p, flash));
    const p = data.productById.get(idOf(d));
    if (c === 'edit' && n === 4 && p) {
      const current = productOf(state, p);
      return ok(renderProductEdit(data, state, current, productFields(current), [], flash));
    }
  }
  if (a === 'customer') {
    if (n === 1) return grid(req, CUSTOMER_GRID, (p) => renderCustomerGrid(data, state, p, flash));
    const cu = data.customerById.get(idOf(c));
    if (b === 'edit' && n === 3 && cu) return ok(renderCustomerView(data, state, customerOf(state, cu), flash));
  }
  if (a === 'review') {
    if (n === 1) return grid(req, REVIEW_GRID, (p) => renderReviewGrid(data, state, p, flash));
    const r = data.reviewById.get(idOf(c));
    if (b === 'edit' && n === 3 && r) return ok(renderReviewEdit(data, state, reviewOf(state, r), flash));
  }
  if (a === 'reports' && n === 2) {
    if (b === 'sales') return ok(renderSalesReport(data, state, query));
    if (b === 'bestsellers') return ok(renderBestsellers(data, state, query));
    if (b === 'lowstock') return ok(renderLowStock(data, state));
  }
  if (a === 'page' && n === 2) {
    const stub = renderStub({ data, state, flash }, b);
    if (stub) return ok(stub);
  }
  return null;
}

function parseProduct(form: URLSearchParams): { fields: ProductFields; errors: string[] } {
  const fields = { name: (form.get('name') ?? '').trim(), price: (form.get('price') ?? '').trim().replace(/^\$/, ''), qty: (form.get('qty') ?? '').trim(), status: form.get('status') ?? '' };
  const errors: string[] = [];
  if (!fields.name) errors.push('The product name is required.');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(fields.price)) errors.push('Please enter a valid price, such as 19.99.');
  if (!/^\d{1,6}$/.test(fields.qty)) errors.push('Please enter a whole number of units for the quantity.');
  if (fields.status !== 'Enabled' && fields.status !== 'Disabled') errors.push('Please choose a status.');
  return { fields, errors };
}

function handlePost(req: AdminRequest, parts: string[]): SiteResponse | null {
  const { data, state, form } = req;
  const [a, b, c, d] = parts;
  if (a === 'sales' && b === 'order' && parts.length === 4) {
    const base = data.orderById.get(idOf(c));
    if (!base) return null;
    const o = orderOf(data, state, base);
    const back = see(adminPaths.order(o.id));
    if (d === 'cancel' && canCancel(o.status)) {
      setOrderStatus(state, o, 'Canceled', 'Order canceled.');
      state.flash.push({ kind: 'success', text: 'You canceled the order.' });
    } else if (d === 'hold' && canHold(o.status)) {
      setOrderStatus(state, o, 'On Hold', 'Order put on hold.');
      state.flash.push({ kind: 'success', text: 'You put the order on hold.' });
    } else if (d === 'unhold' && o.status === 'On Hold') {
      setOrderStatus(state, o, 'Processing', 'Order released from hold.');
      state.flash.push({ kind: 'success', text: 'You released the order from holding status.' });
    } else if (d === 'comment') {
      const text = (form.get('comment') ?? '').replace(/\s+/g, ' ').trim();
      if (text) addComment(state, o.id, text, o.status);
      state.flash.push(text ? { kind: 'success', text: 'You added a comment to the order.' } : { kind: 'error', text: 'Please enter a comment.' });
    } else if (['cancel', 'hold', 'unhold'].includes(d)) {
      state.flash.push({ kind: 'error', text: `You cannot ${d} an order with status ${o.status}.` });
    } else return null;
    return back;
  }
  if (a === 'catalog' && b === 'product' && c === 'save' && parts.length === 4) {
    const p = data.productById.get(idOf(d));
    if (!p) return null;
    const { fields, errors } = parseProduct(form);
    if (errors.length) return ok(renderProductEdit(data, state, productOf(state, p), fields, errors, []));
    editProduct(state, p.id, { name: fields.name, price: Math.round(Number(fields.price) * 100), qty: Number(fields.qty), status: fields.status as ProductStatus });
    state.flash.push({ kind: 'success', text: 'You saved the product.' });
    return see(adminPaths.product(p.id));
  }
  if (a === 'customer' && b === 'save' && parts.length === 3) {
    const cu = data.customerById.get(idOf(c));
    const group = form.get('group') as CustomerGroup;
    if (!cu) return null;
    if (!GROUPS.includes(group)) {
      state.flash.push({ kind: 'error', text: 'Please choose a customer group.' });
      return see(adminPaths.customer(cu.id));
    }
    if (group === cu.group) state.customerGroup.delete(cu.id);
    else state.customerGroup.set(cu.id, group);
    state.flash.push({ kind: 'success', text: 'You saved the customer.' });
    return see(adminPaths.customers + (state.gridQuery.get('customers') ?? ''));
  }
  if (a === 'review' && parts.length === 3 && (c === 'approve' || c === 'reject')) {
    const r = data.reviewById.get(idOf(b));
    if (!r) return null;
    state.reviewStatus.set(r.id, c === 'approve' ? 'Approved' : 'Not Approved');
    state.flash.push({ kind: 'success', text: c === 'approve' ? 'You approved the review.' : 'You rejected the review.' });
    return see(adminPaths.reviews + (state.gridQuery.get('reviews') ?? ''));
  }
  return null;
}

export function handleAdmin(req: AdminRequest): SiteResponse {
  const parts = pathParts(req.path);
  const res = req.method === 'POST' ? handlePost(req, parts) : req.method === 'GET' || req.method === 'HEAD' ? handleGet(req, parts) : null;
  return orNotFound(req.method, res, () => adminLayout({ data: req.data, state: req.state, title: '404 Not Found', body: html`<p>The page you requested was not found. <a href="${adminPaths.dashboard}">Go to the Dashboard</a></p>` }));
}
