// Catalog > Products: the products grid and the product edit form (name, price, quantity, status).
import { html } from '../../html';
import { money, type AdminData, type AdminProduct } from '../data';
import { PRODUCT_GRID, productRows, runGrid, type GridParams } from '../model';
import type { AdminState } from '../state';
import { renderGrid, type Column } from './grid';
import { adminLayout, adminPaths } from './layout';

type Flash = AdminState['flash'];

const COLUMNS: Array<Column<AdminProduct>> = [
  { label: 'ID', sortKey: 'id', cell: (p) => String(p.id) },
  { label: 'Name', sortKey: 'name', cell: (p) => html`<a href="${adminPaths.product(p.id)}">${p.name}</a>` },
  { label: 'SKU', sortKey: 'sku', cell: (p) => p.sku },
  { label: 'Category', cell: (p) => p.category },
  { label: 'Price', sortKey: 'price', cell: (p) => money(p.price) },
  { label: 'Quantity', sortKey: 'qty', cell: (p) => String(p.qty) },
  { label: 'Status', cell: (p) => p.status },
];

export function renderProductGrid(data: AdminData, state: AdminState, p: GridParams, flash: Flash): string {
  const result = runGrid(PRODUCT_GRID, productRows(data, state), p);
  const body = html`<div class="actions"><a href="${adminPaths.page('categories')}">Manage Categories</a></div>${renderGrid(PRODUCT_GRID, p, result, [
    { kind: 'text', key: 'q', label: 'Keyword', placeholder: 'Name or SKU' },
    { kind: 'select', key: 'category', label: 'Category', options: data.categories.map((c) => ({ value: c.slug, label: c.name })) },
    { kind: 'select', key: 'status', label: 'Status', options: [{ value: 'enabled', label: 'Enabled' }, { value: 'disabled', label: 'Disabled' }] },
  ], COLUMNS, 'products')}`;
  return adminLayout({ data, state, title: 'Products', body, flash });
}

export interface ProductFields {
  name: string;
  price: string;
  qty: string;
  status: string;
}

export function productFields(p: AdminProduct): ProductFields {
  return { name: p.name, price: (p.price / 100).toFixed(2), qty: String(p.qty), status: p.status };
}

export function renderProductEdit(data: AdminData, state: AdminState, p: AdminProduct, fields: ProductFields, errors: string[], flash: Flash): string {
  const back = adminPaths.products + (state.gridQuery.get('products') ?? '');
  const reviews = data.reviews.filter((r) => r.productId === p.id).length;
  const body = html`
<div class="actions"><a href="${back}">Back</a></div>
${errors.map((e) => html`<div class="msg error" role="alert">${e}</div>`)}
<form method="post" action="${adminPaths.productSave(p.id)}" id="product-form"><section><h2>Product Information</h2>
  <div class="field"><label for="status">Status</label><select id="status" name="status">${['Enabled', 'Disabled'].map((s) => html`<option${s === fields.status ? html` selected` : ''}>${s}</option>`)}</select></div>
  <div class="field"><label for="name">Product Name</label><input id="name" type="text" name="name" value="${fields.name}"></div>
  <div class="field"><label for="sku">SKU</label><input id="sku" type="text" value="${p.sku}" readonly></div>
  <div class="field"><label for="price">Price</label><input id="price" type="text" name="price" value="${fields.price}"></div>
  <div class="field"><label for="qty">Quantity</label><input id="qty" type="text" name="qty" value="${fields.qty}"></div>
  <dl><dt>Category</dt><dd>${p.category}</dd><dt>Weight</dt><dd>${p.weight} lbs</dd><dt>Stock Status</dt><dd>${p.qty > 0 ? 'In Stock' : 'Out of Stock'}</dd><dt>Reviews</dt><dd>${reviews}</dd></dl>
  <p><button type="submit">Save</button></p></section></form>`;
  return adminLayout({ data, state, title: p.name, body, flash });
}
