// The frame every admin page shares (Magento-like back office): a dark left menu grouped by section, a header
// with the store and the signed-in admin, flash messages and the page body.
import { html, htmlDocument, raw, type HtmlValue, type SafeHtml } from '../../html';
import type { AdminData } from '../data';
import type { AdminState } from '../state';

export const ADMIN = '/admin';

export const adminPaths = {
  dashboard: `${ADMIN}/dashboard`,
  orders: `${ADMIN}/sales/order`,
  order: (id: number) => `${ADMIN}/sales/order/view/${id}`,
  orderAction: (id: number, action: string) => `${ADMIN}/sales/order/${id}/${action}`,
  products: `${ADMIN}/catalog/product`,
  product: (id: number) => `${ADMIN}/catalog/product/edit/${id}`,
  productSave: (id: number) => `${ADMIN}/catalog/product/save/${id}`,
  customers: `${ADMIN}/customer`,
  customer: (id: number) => `${ADMIN}/customer/edit/${id}`,
  customerSave: (id: number) => `${ADMIN}/customer/save/${id}`,
  reviews: `${ADMIN}/review`,
  review: (id: number) => `${ADMIN}/review/edit/${id}`,
  reviewAction: (id: number, action: string) => `${ADMIN}/review/${id}/${action}`,
  salesReport: `${ADMIN}/reports/sales`,
  bestsellers: `${ADMIN}/reports/bestsellers`,
  lowStock: `${ADMIN}/reports/lowstock`,
  page: (slug: string) => `${ADMIN}/page/${slug}`,
};

/** Menu sections (Magento's left bar); `slug` entries are placeholder pages, distractors for agents. */
const MENU: Array<{ section: string; items: Array<{ label: string; href?: string; slug?: string }> }> = [
  { section: 'Dashboard', items: [{ label: 'Dashboard', href: adminPaths.dashboard }] },
  { section: 'Sales', items: [{ label: 'Orders', href: adminPaths.orders }, { label: 'Invoices', slug: 'invoices' }, { label: 'Shipments', slug: 'shipments' }, { label: 'Credit Memos', slug: 'credit-memos' }] },
  { section: 'Catalog', items: [{ label: 'Products', href: adminPaths.products }, { label: 'Categories', slug: 'categories' }] },
  { section: 'Customers', items: [{ label: 'All Customers', href: adminPaths.customers }, { label: 'Now Online', slug: 'now-online' }, { label: 'Customer Groups', slug: 'customer-groups' }] },
  { section: 'Marketing', items: [{ label: 'All Reviews', href: adminPaths.reviews }, { label: 'Pending Reviews', href: `${adminPaths.reviews}?status=pending` }, { label: 'Catalog Price Rules', slug: 'price-rules' }, { label: 'Newsletter Queue', slug: 'newsletter' }] },
  { section: 'Content', items: [{ label: 'Pages', slug: 'pages' }, { label: 'Widgets', slug: 'widgets' }] },
  { section: 'Reports', items: [{ label: 'Sales Report', href: adminPaths.salesReport }, { label: 'Bestsellers', href: adminPaths.bestsellers }, { label: 'Low Stock', href: adminPaths.lowStock }] },
  { section: 'Stores', items: [{ label: 'Configuration', slug: 'configuration' }, { label: 'Tax Rules', slug: 'tax-rules' }] },
  { section: 'System', items: [{ label: 'Cache Management', slug: 'cache' }, { label: 'Notifications', slug: 'notifications' }] },
];

export const STUB_PAGES: Record<string, { title: string; text: string[] }> = {
  invoices: { title: 'Invoices', text: ['We could not find any records.', 'Invoices are created from the order page once an order is paid.'] },
  shipments: { title: 'Shipments', text: ['We could not find any records.'] },
  'credit-memos': { title: 'Credit Memos', text: ['We could not find any records.'] },
  categories: { title: 'Categories', text: ['Default Category: Laptops, Headphones, Cameras, Kitchen Appliances, Home Decor, Outdoor Gear, Clothing, Shoes.', 'Category editing is disabled in this store.'] },
  'now-online': { title: 'Customers Now Online', text: ['0 customers online.'] },
  'customer-groups': { title: 'Customer Groups', text: ['NOT LOGGED IN, General, Wholesale, Retailer.', 'Groups are assigned on each customer\'s page.'] },
  'price-rules': { title: 'Catalog Price Rules', text: ['No active rules.'] },
  newsletter: { title: 'Newsletter Queue', text: ['The queue is empty.'] },
  pages: { title: 'Pages', text: ['Home Page, About Us, Customer Service, Privacy Policy (all enabled).'] },
  widgets: { title: 'Widgets', text: ['No widgets.'] },
  configuration: { title: 'Configuration', text: ['Store configuration is read-only in this sandbox.'] },
  'tax-rules': { title: 'Tax Rules', text: ['US-CA-*-Rate 1, US-NY-*-Rate 1.'] },
  cache: { title: 'Cache Management', text: ['All cache types are enabled and valid.'] },
  notifications: { title: 'Notifications', text: ['You have no new system messages.'] },
  'sign-out': { title: 'Sign Out', text: ['Signing out is disabled in this sandbox: every episode uses the same admin account.'] },
};

const STYLE = raw(`<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,Arial,sans-serif;color:#303030;background:#f8f8f8;display:flex;min-height:100vh}
a{color:#007bdb;text-decoration:none}a:hover{text-decoration:underline}
.menu{width:190px;flex:none;background:#373330;color:#aaa6a0;padding:10px 0;font-size:13px}.menu .logo{color:#f26322;font-weight:700;font-size:18px;padding:4px 16px 12px;display:block}
.menu h2{font-size:11px;text-transform:uppercase;letter-spacing:.05em;margin:12px 16px 4px;color:#aaa6a0}
.menu ul{list-style:none;margin:0;padding:0}.menu a{display:block;padding:4px 16px 4px 24px;color:#f7f3eb}
.page{flex:1;min-width:0}.head{display:flex;justify-content:space-between;align-items:center;padding:12px 24px;background:#fff;border-bottom:1px solid #e3e3e3}
.head h1{margin:0;font-size:24px;font-weight:400}.head nav{display:flex;gap:14px}
.content{padding:16px 24px}.msg{padding:9px 12px;margin:0 0 12px}.msg.success{background:#e5efe5;color:#185b00}.msg.error{background:#fae5e5;color:#b30000}
button{background:#eb5202;color:#fff;border:0;padding:7px 14px;cursor:pointer;font-size:14px}button.secondary{background:#e3e3e3;color:#333}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;background:#fff;padding:10px;border:1px solid #e3e3e3;margin-bottom:10px}
.filters label{display:block;font-size:12px;font-weight:600}.filters input,.filters select{padding:5px;border:1px solid #adadad}
table{border-collapse:collapse;width:100%;background:#fff}th{background:#514943;color:#fff;text-align:left;padding:7px}th a{color:#fff}
td{border-bottom:1px solid #e3e3e3;padding:6px 7px;vertical-align:top}.bar{display:flex;justify-content:space-between;align-items:center;margin:8px 0}
.pager{display:flex;gap:12px;align-items:center}.actions{display:flex;gap:8px;margin-bottom:14px}.actions form{margin:0}
section{background:#fff;border:1px solid #e3e3e3;padding:10px 14px;margin-bottom:14px}section h2{font-size:17px;margin:4px 0 8px;font-weight:600}
dl{display:grid;grid-template-columns:170px 1fr;gap:4px 10px;margin:0}dt{font-weight:600}dd{margin:0}
.field{margin:8px 0}.field label{display:block;font-weight:600;margin-bottom:3px}.field input,.field select,.field textarea{padding:6px;border:1px solid #adadad;min-width:300px}
.tiles{display:flex;gap:14px;flex-wrap:wrap}.tile{background:#fff;border:1px solid #e3e3e3;padding:12px 16px;min-width:180px}.tile strong{display:block;font-size:22px;color:#eb5202}
</style>`);

export interface LayoutOptions {
  data: AdminData;
  state: AdminState;
  title: string;
  body: HtmlValue;
  flash?: AdminState['flash'];
}

export function adminLayout(o: LayoutOptions): string {
  const menu = MENU.map((s) => html`<h2>${s.section}</h2><ul>${s.items.map((i) => html`<li><a href="${i.href ?? adminPaths.page(i.slug!)}">${i.label}</a></li>`)}</ul>`);
  const body = html`
<nav class="menu" aria-label="Admin menu"><a class="logo" href="${adminPaths.dashboard}">${o.data.storeName} Admin</a>${menu}</nav>
<div class="page"><header class="head"><h1>${o.title}</h1>
  <nav aria-label="Account"><span>Signed in as admin</span><a href="${adminPaths.page('notifications')}">Notifications</a><a href="${adminPaths.page('sign-out')}">Sign Out</a></nav></header>
<main class="content">${(o.flash ?? []).map((m) => html`<div class="msg ${m.kind}" role="alert">${m.text}</div>`)}${o.body}</main></div>`;
  return htmlDocument({ title: `${o.title} / ${o.data.storeName} Admin`, head: STYLE, body });
}

/** A POST form with one button (order and review actions). */
export function actionButton(action: string, label: string, secondary = false): SafeHtml {
  return html`<form method="post" action="${action}"><button type="submit"${secondary ? raw(' class="secondary"') : ''}>${label}</button></form>`;
}

export function renderStub(o: Omit<LayoutOptions, 'title' | 'body'>, slug: string): string | null {
  const page = STUB_PAGES[slug];
  if (!page) return null;
  return adminLayout({ ...o, title: page.title, body: html`<section>${page.text.map((t) => html`<p>${t}</p>`)}</section>` });
}
