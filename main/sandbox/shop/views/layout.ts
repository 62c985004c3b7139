// The storefront frame every shop page shares: header (search, cart, account links), category menu,
// breadcrumbs, flash messages, optional sidebar, footer with distractor links.
import { html, htmlDocument, raw, type HtmlValue, type SafeHtml } from '../../html';
import { formatMoney, type Product, type ShopData } from '../data';
import { cartQuantity, type ShopState } from '../state';

export const SHOP = '/shop';

export const shopPaths = {
  home: SHOP,
  category: (slug: string) => `${SHOP}/category/${slug}`,
  product: (p: Product) => `${SHOP}/product/${p.slug}`,
  search: `${SHOP}/search`,
  cart: `${SHOP}/cart`,
  checkout: `${SHOP}/checkout`,
  account: `${SHOP}/account`,
  orders: `${SHOP}/account/orders`,
  order: (number: string) => `${SHOP}/account/orders/${number}`,
  reviews: `${SHOP}/account/reviews`,
  wishlist: `${SHOP}/wishlist`,
  page: (slug: string) => `${SHOP}/page/${slug}`,
};

export const STATIC_PAGES: Record<string, { title: string; text: string[] }> = {
  'about-us': { title: 'About Us', text: ['We are a small online store with a big catalog.', 'Founded in 2015, we ship to all 50 states.'] },
  'customer-service': { title: 'Customer Service', text: ['Our team answers questions Monday to Friday, 9am to 5pm.', 'Most questions are answered in our FAQ.'] },
  'shipping-policy': { title: 'Shipping Policy', text: ['Flat Rate shipping costs $5.00 per item.', 'Express Delivery costs $15.00 per order and arrives in two business days.'] },
  'privacy-policy': { title: 'Privacy Policy', text: ['We only use your data to process your orders.', 'We never sell personal information.'] },
  'orders-and-returns': { title: 'Orders and Returns', text: ['Items can be returned within 30 days of delivery.', 'Signed-in customers find their orders under My Account.'] },
  'advanced-search': { title: 'Advanced Search', text: ['Advanced search is temporarily unavailable.', 'Please use the search box at the top of the page.'] },
  'contact-us': { title: 'Contact Us', text: ['Write to support@onestop.example or call 1-800-555-0199.'] },
  newsletter: { title: 'Newsletter', text: ['Thank you for your interest. Newsletter subscriptions are paused.'] },
};

const STYLE = raw(`<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,Arial,sans-serif;color:#333;background:#fff}
a{color:#1979c3;text-decoration:none}a:hover{text-decoration:underline}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.panel{background:#f0f0f0;padding:4px 24px;display:flex;gap:16px;justify-content:flex-end;font-size:13px}
.brand{display:flex;align-items:center;gap:24px;padding:14px 24px}
.logo{font-size:24px;font-weight:700;color:#e45d0f}
.brand form{flex:1;display:flex;gap:6px}.brand input{flex:1;padding:7px;border:1px solid #ccc}
button,.button{background:#1979c3;color:#fff;border:0;padding:7px 14px;cursor:pointer;border-radius:2px;font-size:14px}
button.secondary{background:#eee;color:#333}
.topnav{background:#f6f6f6;border-top:1px solid #ddd;border-bottom:1px solid #ddd}
.topnav ul{list-style:none;margin:0;padding:0 24px;display:flex;flex-wrap:wrap}
.topnav a{display:block;padding:10px 14px;color:#333;font-weight:600}
.wrap{padding:12px 24px}.crumbs{font-size:12px;margin-bottom:8px}.crumbs ol{list-style:none;padding:0;margin:0;display:flex;gap:6px}
.crumbs li+li:before{content:'> ';color:#999}
.columns{display:flex;gap:24px}.columns aside{width:230px;flex:none}.columns main{flex:1;min-width:0}
.msg{padding:10px 14px;margin:8px 0}.msg.success{background:#e5efe5;color:#006400}.msg.error{background:#fae5e5;color:#e02b27}
.grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:18px}
.card{border:1px solid #eee;padding:10px}.thumb{height:90px;background:#eef3f8;color:#8aa;display:flex;align-items:center;justify-content:center;font-size:28px;margin-bottom:6px}
.price{font-weight:700;font-size:16px}.muted{color:#777;font-size:12px}
.toolbar{display:flex;justify-content:space-between;align-items:center;margin:8px 0;gap:12px}.toolbar form{display:flex;gap:6px;align-items:center}
.pager ul{list-style:none;padding:0;display:flex;gap:6px}.pager a,.pager span{display:inline-block;padding:4px 9px;border:1px solid #ddd}
.pager [aria-current]{background:#333;color:#fff}
aside h2{font-size:15px;margin:14px 0 6px}aside ul{list-style:none;padding:0;margin:0}aside li{padding:3px 0}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eee;padding:8px;text-align:left;vertical-align:top}
.field{margin:8px 0}.field label{display:block;font-weight:600;margin-bottom:3px}.field input,.field select,.field textarea{padding:6px;border:1px solid #ccc;min-width:260px}
fieldset{border:1px solid #eee;margin:10px 0}.box{border:1px solid #ddd;padding:12px;margin:10px 0}
footer{margin-top:30px;background:#f4f4f4;padding:18px 24px;font-size:13px}footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:18px}
</style>`);

export interface LayoutOptions {
  data: ShopData;
  state: ShopState;
  title: string;
  body: HtmlValue;
  sidebar?: HtmlValue;
  breadcrumbs?: Array<{ label: string; href?: string }>;
  flash?: ShopState['flash'];
  /** Current search text, kept in the header search box. */
  q?: string;
}

export function shopLayout(o: LayoutOptions): string {
  const qty = cartQuantity(o.state);
  const crumbs = o.breadcrumbs?.length
    ? html`<nav class="crumbs" aria-label="Breadcrumb"><ol>${o.breadcrumbs.map((c) =>
        c.href ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li>${c.label}</li>`)}</ol></nav>`
    : '';
  const body = html`
<header>
  <div class="panel"><span>Welcome, ${o.data.customer.firstName} ${o.data.customer.lastName}!</span>
    <a href="${shopPaths.account}">My Account</a><a href="${shopPaths.wishlist}">My Wish List</a></div>
  <div class="brand"><a class="logo" href="${shopPaths.home}">${o.data.storeName}</a>
    <form role="search" action="${shopPaths.search}" method="get"><label class="sr-only" for="search">Search</label>
      <input id="search" type="text" name="q" value="${o.q ?? ''}" placeholder="Search entire store here..." autocomplete="off">
      <button type="submit">Search</button></form>
    <a href="${shopPaths.cart}">My Cart</a><span class="muted">${qty === 1 ? '1 item' : `${qty} items`}</span></div>
  <nav class="topnav" aria-label="Categories"><ul>${o.data.categories.map((c) =>
    html`<li><a href="${shopPaths.category(c.slug)}">${c.name}</a></li>`)}</ul></nav>
</header>
<div class="wrap">${crumbs}${(o.flash ?? []).map((m) => html`<div class="msg ${m.kind}" role="alert">${m.text}</div>`)}
  <div class="columns">${o.sidebar ? html`<aside>${o.sidebar}</aside>` : ''}<main>${o.body}</main></div></div>
<footer><ul>${Object.entries(STATIC_PAGES).map(([slug, p]) => html`<li><a href="${shopPaths.page(slug)}">${p.title}</a></li>`)}</ul>
  <p>Copyright © 2024 ${o.data.storeName}. All rights reserved.</p></footer>`;
  return htmlDocument({ title: `${o.title} | ${o.data.storeName}`, head: STYLE, body });
}

export function money(cents: number): SafeHtml {
  return html`<span class="price">${formatMoney(cents)}</span>`;
}

export function ratingText(p: Product): string {
  if (p.rating === null) return 'No reviews yet';
  return `Rating: ${p.rating.toFixed(1)} out of 5 (${p.reviews.length} ${p.reviews.length === 1 ? 'review' : 'reviews'})`;
}

export function productCard(p: Product): SafeHtml {
  return html`<li class="card"><div class="thumb" aria-hidden="true">${p.name.slice(0, 1)}</div>
  <a class="product-name" href="${shopPaths.product(p)}">${p.name}</a>
  <div>${money(p.price)}</div><div class="muted">${ratingText(p)}</div></li>`;
}
