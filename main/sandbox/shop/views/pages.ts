// Home page, static information pages and the not-found page.
import { html } from '../../html';
import type { ShopData } from '../data';
import type { ShopState } from '../state';
import { STATIC_PAGES, productCard, shopLayout, shopPaths } from './layout';

export function renderHome(data: ShopData, state: ShopState, flash: ShopState['flash']): string {
  const hot = data.products.slice().sort((a, b) => a.position - b.position).slice(0, 8);
  const body = html`<h1>Welcome to ${data.storeName}</h1>
  <div class="box"><h2>Winter Clearance</h2><p>Up to 30% off selected Outdoor Gear and Clothing. While stocks last.</p>
    <a href="${shopPaths.category('outdoor')}">Shop the clearance</a></div>
  <h2>Shop by Category</h2><ul class="grid">${data.categories.map((c) => html`<li class="card"><a href="${shopPaths.category(c.slug)}">Shop ${c.name}</a>
    <div class="muted">${data.products.filter((p) => p.category === c.slug).length} products</div></li>`)}</ul>
  <h2>Hot Sellers</h2><ol class="grid">${hot.map(productCard)}</ol>`;
  return shopLayout({ data, state, flash, title: 'Home Page', body });
}

export function renderStaticPage(data: ShopData, state: ShopState, slug: string, flash: ShopState['flash']): string | null {
  const page = STATIC_PAGES[slug];
  if (!page) return null;
  const body = html`<h1>${page.title}</h1>${page.text.map((t) => html`<p>${t}</p>`)}<p><a href="${shopPaths.home}">Back to the store</a></p>`;
  return shopLayout({ data, state, flash, title: page.title, body, breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: page.title }] });
}

export function renderNotFound(data: ShopData, state: ShopState): string {
  const body = html`<h1>Whoops, our bad...</h1><p>The page you requested was not found.</p>
  <p><a href="${shopPaths.home}">Go to the home page</a></p>`;
  return shopLayout({ data, state, title: '404 Not Found', body });
}
