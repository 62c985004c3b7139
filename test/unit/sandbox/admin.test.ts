import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../../main/sandbox/server';
import { getAdminData } from '../../../main/sandbox/admin/data';
import { site } from '../../../main/sandbox/admin/index';
import { ORDER_GRID, PAGE_SIZE, gridHref, orderRows, parseGrid, runGrid, salesReport } from '../../../main/sandbox/admin/model';
import { checkAdminState, freshAdminState } from '../../../main/sandbox/admin/state';
import { client, localPath, textOfId } from './helpers';

const adminSite = site.module;
const adminFamilies = site.families;

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const data = () => getAdminData(1);

describe('admin dataset', () => {
  it('is deterministic per seed, differs across seeds and is back-office sized', () => {
    const a = getAdminData(201);
    expect(getAdminData(201)).toBe(a);
    expect(a.orders.length).toBeGreaterThanOrEqual(500);
    expect(a.customers.length).toBeGreaterThanOrEqual(200);
    expect(a.products.length).toBeGreaterThanOrEqual(200);
    expect(a.reviews.filter((r) => r.status === 'Pending').length).toBeGreaterThan(50);
    expect(new Set(a.customers.map((c) => c.name)).size).toBe(a.customers.length);
    expect(getAdminData(202).orders.map((o) => o.total)).not.toEqual(a.orders.map((o) => o.total));
    for (const o of a.orders.slice(0, 100)) expect(o.total).toBe(o.subtotal + o.shipping);
    // Dates ascend with ids, so "newest first" is also "highest id first".
    for (let i = 1; i < a.orders.length; i++) expect(a.orders[i].date >= a.orders[i - 1].date).toBe(true);
  });

  it('makes fresh states independent of each other (reset speed: npm run bench -- sandbox)', () => {
    const d = data();
    const one = freshAdminState(d);
    const two = freshAdminState(d);
    one.orderStatus.set(1, 'Canceled');
    one.customerGroup.set(1, 'Wholesale');
    expect(checkAdminState(d, one, 'admin.order_status', { orders: [1], status: 'Canceled' })).toBe(true);
    expect(checkAdminState(d, two, 'admin.order_status', { orders: [1], status: 'Canceled' })).toBe(d.orders[0].status === 'Canceled');
    expect(two.customerGroup.size).toBe(0);
  });

  it('filters, sorts and pages the orders grid; the sales report leaves out canceled orders', () => {
    const d = data();
    const state = freshAdminState(d);
    const p = parseGrid(ORDER_GRID, new URLSearchParams('status=pending&sort=total&dir=desc&page=2'));
    const res = runGrid(ORDER_GRID, orderRows(d, state), p);
    const pending = d.orders.filter((o) => o.status === 'Pending').sort((a, b) => b.total - a.total || b.id - a.id);
    expect(res.total).toBe(pending.length);
    expect(res.items.map((o) => o.id)).toEqual(pending.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((o) => o.id));
    expect(gridHref(ORDER_GRID, p, { page: 3 })).toBe('/admin/sales/order?status=pending&sort=total&dir=desc&page=3');
    const [row] = salesReport(d.orders, 'year', '2023-01-01', '2023-12-31');
    expect(row.orders).toBe(d.orders.filter((o) => o.date.startsWith('2023') && o.status !== 'Canceled').length);
  });
});

describe('admin routes', () => {
  it('serves the main pages and redirects raw filter queries to canonical grid URLs', async () => {
    const web = client(server);
    const d = data();
    const pages: Array<[string, RegExp]> = [
      ['/admin', /Lifetime Sales/],
      ['/admin/sales/order', /900 records found/],
      [`/admin/sales/order/view/5`, new RegExp(`Order # ${d.orders[4].number}`)],
      ['/admin/catalog/product?category=laptops', /28 records found/],
      ['/admin/catalog/product/edit/3', /<label for="qty">Quantity<\/label>/],
      ['/admin/customer', /250 records found/],
      ['/admin/customer/edit/7', new RegExp(d.customers[6].name)],
      ['/admin/review?status=pending', /Pending Reviews/],
      ['/admin/review/edit/1', /id="review-status">Approved</],
      ['/admin/reports/sales?from=2023-01-01&to=2023-12-31&period=month', /December 2023/],
      ['/admin/reports/bestsellers?month=3&year=2023', /Bestsellers of March 2023/],
      ['/admin/reports/lowstock', /fewer than 10 units/],
      ['/admin/page/invoices', /could not find any records/],
    ];
    for (const [path, pattern] of pages) {
      const res = await web.get(path);
      expect(res.status, path).toBe(200);
      expect(res.html, path).toMatch(pattern);
    }
    const raw = await web.get('/admin/sales/order?q=&status=complete&from=&to=');
    expect(raw.status).toBe(303);
    expect((await web.get('/admin/nope')).status).toBe(404);
    expect((await web.get('/admin/sales/order/view/99999')).status).toBe(404);
  });

  it('changes orders, products, customers and reviews in the episode state only (303 after every POST)', async () => {
    const one = server.createEpisodeState();
    const two = server.createEpisodeState();
    const a = client(server, one.cookie);
    const b = client(server, two.cookie);
    const d = data();
    const pending = d.orders.find((o) => o.status === 'Pending')!;
    expect((await a.post(`/admin/sales/order/${pending.id}/cancel`, {})).status).toBe(303);
    expect(textOfId((await a.get(`/admin/sales/order/view/${pending.id}`)).html, 'order-status')).toBe('Canceled');
    expect(textOfId((await b.get(`/admin/sales/order/view/${pending.id}`)).html, 'order-status')).toBe('Pending');
    expect((await a.post(`/admin/sales/order/${pending.id}/comment`, { comment: 'Checked by phone' })).status).toBe(303);
    expect(server.checkState(one.stateId, 'admin.order_comment', { order: pending.id, text: 'Checked by phone' })).toBe(true);

    expect((await a.post('/admin/catalog/product/save/4', { name: 'Renamed', price: '12.50', qty: '77', status: 'Disabled' })).status).toBe(303);
    expect(server.checkState(one.stateId, 'admin.product_saved', { products: [4], qty: 77, price: 1250, status: 'Disabled' })).toBe(true);
    expect((await a.post('/admin/catalog/product/save/4', { name: 'x', price: 'abc', qty: '1', status: 'Enabled' })).status).toBe(200);

    await a.get('/admin/customer?group=general');
    const saved = await a.post('/admin/customer/save/2', { group: d.customers[1].group === 'Retailer' ? 'Wholesale' : 'Retailer' });
    expect(saved).toMatchObject({ status: 303, location: '/admin/customer?group=general' });
    const review = d.reviews.find((r) => r.status === 'Pending')!;
    expect((await a.post(`/admin/review/${review.id}/reject`, {})).status).toBe(303);
    expect(server.checkState(one.stateId, 'admin.review_status', { reviews: [review.id], status: 'Not Approved' })).toBe(true);
    expect(server.checkState(two.stateId, 'admin.review_status', { reviews: [review.id], status: 'Not Approved' })).toBe(false);
    server.resetEpisodeState(one.stateId);
    expect(server.checkState(one.stateId, 'admin.order_status', { orders: [pending.id], status: 'Canceled' })).toBe(false);
  });
});

describe('admin families', () => {
  it('has at least 8 families with codes 201-219, every kind, and mostly long plans', () => {
    expect(adminFamilies.length).toBeGreaterThanOrEqual(8);
    expect(new Set(adminFamilies.map((f) => f.kind))).toEqual(new Set(['info', 'navigation', 'change']));
    const long = adminFamilies.filter((f) => [0, 1, 2].every((i) => f.instantiate(1, i).oracle.length >= 8));
    expect(long.length * 2).toBeGreaterThanOrEqual(adminFamilies.length);
    const codes = new Set<number>();
    for (const f of adminFamilies) {
      expect(f.id).toMatch(/^admin\//);
      expect(f.count!(1)).toBeGreaterThanOrEqual(10);
      const inst = f.instantiate(1, 2);
      const code = Math.floor(Number(inst.config.task_id) / 100000);
      expect(code).toBeGreaterThanOrEqual(201);
      expect(code).toBeLessThanOrEqual(219);
      codes.add(code);
      expect(inst.config.sites).toEqual(['shopping_admin']);
      expect(String(inst.config.start_url)).toMatch(/^__SHOPPING_ADMIN__/);
      expect(inst.oracle.length).toBeGreaterThanOrEqual(2);
      expect(inst.oracle.length).toBeLessThanOrEqual(25);
      expect(inst.subgoals.length).toBeGreaterThanOrEqual(3);
      expect(inst.subgoals.length).toBeLessThanOrEqual(5);
      expect(f.instantiate(1, 2)).toEqual(inst);
    }
    expect(codes.size).toBe(adminFamilies.length);
  });

  it('program_html targets point at admin pages that exist', async () => {
    for (const f of adminFamilies.filter((x) => x.kind === 'change')) {
      for (const t of (f.instantiate(1, 1).config.eval as { program_html: Array<{ url: string }> }).program_html) {
        if (t.url !== 'last') expect((await client(server).get(localPath(server, t.url))).status, t.url).toBe(200);
      }
    }
  });
});
