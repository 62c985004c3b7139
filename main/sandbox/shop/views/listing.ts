// Category and search result pages: toolbar with sort form, product grid, numbered pager, and the layered
// navigation sidebar (rating and price filters with counts, active filters, clear all).
import { html, queryString, type SafeHtml } from '../../html';
import {
  PAGE_SIZE, RATING_FILTERS, SORT_OPTIONS, baseSet, listProducts, passesFilters, priceBuckets, priceParam, priceRangeLabel,
  type ListingQuery,
} from '../catalog';
import { categoryBySlug, type ShopData } from '../data';
import type { ShopState } from '../state';
import { productCard, shopLayout, shopPaths } from './layout';

/** The listing URL for a query; page 1 and the default sort are left out, like the storefront does. */
export function listingHref(query: ListingQuery, changes: Partial<ListingQuery> = {}): string {
  const q = { ...query, ...changes };
  const path = q.category ? shopPaths.category(q.category) : shopPaths.search;
  return path + queryString({
    q: q.category ? undefined : q.q,
    sort: q.sort === 'position' ? undefined : q.sort,
    rating: q.minRating,
    price: q.price ? priceParam(q.price) : undefined,
    page: q.page > 1 ? q.page : undefined,
  });
}

function sidebar(data: ShopData, query: ListingQuery): SafeHtml {
  const base = baseSet(data, query);
  const width = query.category ? categoryBySlug(data, query.category)!.bucket : 5000;
  const active: SafeHtml[] = [];
  if (query.minRating !== undefined) {
    active.push(html`<li>Rating: ${query.minRating} ${query.minRating === 1 ? 'star' : 'stars'} &amp; up <a href="${listingHref(query, { minRating: undefined, page: 1 })}" aria-label="Remove Rating filter">Remove</a></li>`);
  }
  if (query.price) {
    active.push(html`<li>Price: ${priceRangeLabel(query.price)} <a href="${listingHref(query, { price: undefined, page: 1 })}" aria-label="Remove Price filter">Remove</a></li>`);
  }
  const ratingLinks = RATING_FILTERS.map((stars) => {
    const count = base.filter((p) => passesFilters(p, { price: query.price, minRating: stars })).length;
    return html`<li><a href="${listingHref(query, { minRating: stars, page: 1 })}">${stars} ${stars === 1 ? 'star' : 'stars'} &amp; up <span class="muted">(${count})</span></a></li>`;
  });
  const buckets = priceBuckets(base.filter((p) => passesFilters(p, { minRating: query.minRating })), width);
  const priceLinks = buckets.map((b) =>
    html`<li><a href="${listingHref(query, { price: { lo: b.lo, hi: b.hi }, page: 1 })}">${priceRangeLabel(b)} <span class="muted">(${b.count})</span></a></li>`);
  return html`<h2>Shop By</h2>
  ${active.length ? html`<h2>Now Shopping by</h2><ul>${active}</ul><a href="${listingHref(query, { minRating: undefined, price: undefined, page: 1 })}">Clear All</a>` : ''}
  <h2>Rating</h2><ul>${ratingLinks}</ul>
  <h2>Price</h2><ul>${priceLinks}</ul>
  <h2>Compare Products</h2><p class="muted">You have no items to compare.</p>
  <h2>Popular Searches</h2><ul>${['wireless', 'camping', 'coffee', 'running'].map((t) =>
    html`<li><a href="${shopPaths.search}${queryString({ q: t })}">${t}</a></li>`)}</ul>`;
}

function pager(query: ListingQuery, page: number, pages: number): SafeHtml | string {
  if (pages <= 1) return '';
  const items: SafeHtml[] = [];
  if (page > 1) items.push(html`<li><a href="${listingHref(query, { page: page - 1 })}">Previous</a></li>`);
  for (let n = 1; n <= pages; n++) {
    items.push(n === page
      ? html`<li><span aria-current="page"><span class="sr-only">You're currently reading page </span>${n}</span></li>`
      : html`<li><a href="${listingHref(query, { page: n })}"><span class="sr-only">Page </span>${n}</a></li>`);
  }
  if (page < pages) items.push(html`<li><a href="${listingHref(query, { page: page + 1 })}">Next</a></li>`);
  return html`<nav class="pager" aria-label="Pagination"><ul>${items}</ul></nav>`;
}

/** The sort form submits its fields in listingHref's order (q, sort, rating, price), so a listing reached
 * by sorting or by a filter link has the same URL: plain-substring URL checks (VAB-Lite's "GOLD in PRED")
 * depend on it. */
function sortForm(query: ListingQuery): SafeHtml {
  const action = query.category ? shopPaths.category(query.category) : shopPaths.search;
  return html`<form method="get" action="${action}">
    ${query.category ? '' : html`<input type="hidden" name="q" value="${query.q ?? ''}">`}
    <label for="sorter">Sort By</label>
    <select id="sorter" name="sort">${SORT_OPTIONS.map((o) =>
      html`<option value="${o.key}"${o.key === query.sort ? html` selected` : ''}>${o.label}</option>`)}</select>
    ${query.minRating !== undefined ? html`<input type="hidden" name="rating" value="${query.minRating}">` : ''}
    ${query.price ? html`<input type="hidden" name="price" value="${priceParam(query.price)}">` : ''}
    <button type="submit">Sort</button></form>`;
}

export function renderListing(data: ShopData, state: ShopState, query: ListingQuery, flash: ShopState['flash']): string {
  const category = query.category ? categoryBySlug(data, query.category) : undefined;
  const result = listProducts(data, query);
  const heading = category ? category.name : `Search results for: '${query.q ?? ''}'`;
  const first = (result.page - 1) * PAGE_SIZE + 1;
  const last = first + result.items.length - 1;
  const body = result.total === 0
    ? html`<h1>${heading}</h1><p class="msg error">${query.q !== undefined && !query.q.trim() ? 'Please enter a search term.' : "We can't find products matching the selection."}</p>`
    : html`<h1>${heading}</h1>
      <div class="toolbar"><p>Items ${first}-${last} of ${result.total}</p>${sortForm(query)}</div>
      <ol class="grid">${result.items.map(productCard)}</ol>
      ${pager(query, result.page, result.pages)}`;
  return shopLayout({
    data, state, flash, title: heading, body, sidebar: sidebar(data, query), q: category ? undefined : query.q,
    breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: category ? category.name : 'Search results' }],
  });
}
