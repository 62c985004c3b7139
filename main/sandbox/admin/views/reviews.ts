// Marketing > Reviews: the reviews grid (all or pending) and the review page with Approve / Reject.
import { html } from '../../html';
import { REVIEW_STATUSES, formatDate, type AdminData, type Review } from '../data';
import { REVIEW_GRID, reviewRows, runGrid, statusSlug, type GridParams, type ReviewRow } from '../model';
import { productOf, type AdminState } from '../state';
import { renderGrid, type Column } from './grid';
import { actionButton, adminLayout, adminPaths } from './layout';

type Flash = AdminState['flash'];

const COLUMNS: Array<Column<ReviewRow>> = [
  { label: 'ID', sortKey: 'id', cell: (r) => String(r.id) },
  { label: 'Created', sortKey: 'date', cell: (r) => formatDate(r.date) },
  { label: 'Status', cell: (r) => r.status },
  { label: 'Title', cell: (r) => html`<a href="${adminPaths.review(r.id)}">${r.title}</a>` },
  { label: 'Nickname', cell: (r) => r.nickname },
  { label: 'Product', sortKey: 'product', cell: (r) => r.product.name },
  { label: 'Rating', sortKey: 'stars', cell: (r) => `${r.stars} of 5` },
];

export function renderReviewGrid(data: AdminData, state: AdminState, p: GridParams, flash: Flash): string {
  const result = runGrid(REVIEW_GRID, reviewRows(data, state), p);
  const title = p.filters.status === 'pending' ? 'Pending Reviews' : 'Reviews';
  const body = renderGrid(REVIEW_GRID, p, result, [
    { kind: 'text', key: 'q', label: 'Product Name', placeholder: 'Part of the product name' },
    { kind: 'select', key: 'status', label: 'Status', options: REVIEW_STATUSES.map((s) => ({ value: statusSlug(s), label: s })) },
  ], COLUMNS, 'reviews');
  return adminLayout({ data, state, title, body, flash });
}

export function renderReviewEdit(data: AdminData, state: AdminState, r: Review, flash: Flash): string {
  const product = productOf(state, data.productById.get(r.productId)!);
  const back = adminPaths.reviews + (state.gridQuery.get('reviews') ?? '');
  const body = html`
<div class="actions"><a href="${back}">Back</a>
  ${r.status !== 'Approved' ? actionButton(adminPaths.reviewAction(r.id, 'approve'), 'Approve') : ''}
  ${r.status !== 'Not Approved' ? actionButton(adminPaths.reviewAction(r.id, 'reject'), 'Reject', true) : ''}</div>
<section id="review"><h2>Review Details</h2><dl>
  <dt>Product</dt><dd><a href="${adminPaths.product(product.id)}">${product.name}</a></dd>
  <dt>Status</dt><dd id="review-status">${r.status}</dd><dt>Nickname</dt><dd>${r.nickname}</dd>
  <dt>Rating</dt><dd>${r.stars} of 5 stars</dd><dt>Created</dt><dd>${formatDate(r.date)}</dd>
  <dt>Summary of Review</dt><dd>${r.title}</dd><dt>Review</dt><dd>${r.detail}</dd></dl></section>`;
  return adminLayout({ data, state, title: `Edit Review #${r.id}`, body, flash });
}
