import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SITES, STATE_COOKIE, startSandboxServer, type SandboxServer } from '../../../main/sandbox/server';
import { SITE_SLOTS } from '../../../main/sandbox/site';
import { getShopData } from '../../../main/sandbox/shop/data';
import { client, textOfId } from './helpers';

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const data = () => getShopData(1);
const simple = () => data().products.find((p) => p.sizes.length === 0)!;

describe('sandbox server', () => {
  it('listens on a free port of 127.0.0.1 and maps the shopping placeholder', () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(server.baseUrl.split(':')[2])).toBeGreaterThan(0);
    expect(server.siteUrl('shop')).toBe(`${server.baseUrl}/shop`);
    expect(server.placeholders().__SHOPPING__).toBe(`${server.baseUrl}/shop`);
    for (const site of SANDBOX_SITES) expect(server.placeholders()[SITE_SLOTS[site.id].placeholder]).toBe(`${server.baseUrl}${SITE_SLOTS[site.id].prefix}`);
    expect(server.datasetSeed).toBe(1);
  });

  it('serves the shop pages', async () => {
    const web = client(server);
    const p = simple();
    const pages: Array<[string, RegExp]> = [
      ['/', /MiRA sandbox sites/],
      ['/shop', /<h1>Welcome to One Stop Market<\/h1>/],
      ['/shop/category/laptops', /<h1>Laptops<\/h1>[\s\S]*Items 1-12 of 28/],
      ['/shop/category/laptops?sort=price_desc&rating=3&page=2', /<option value="price_desc" selected>/],
      [`/shop/search?q=${encodeURIComponent(p.name)}`, new RegExp(`Search results for: &#39;${p.name}&#39;`)],
      [`/shop/product/${p.slug}`, new RegExp(`<h1>${p.name}</h1>[\\s\\S]*<label for="opt-color">Color</label>[\\s\\S]*>Add to Cart</button>`)],
      ['/shop/cart', /You have no items in your shopping cart/],
      ['/shop/checkout', /Your shopping cart is empty/],
      ['/shop/account', /<h1>My Account<\/h1>[\s\S]*emma\.lopez@example\.com/],
      ['/shop/account/orders?page=2', /Items 11 to 20 of 40 total/],
      [`/shop/account/orders/${data().initialOrders[0].number}`, /Order # 000000101/],
      ['/shop/account/orders/latest', /Order # 000000140/],
      ['/shop/wishlist', /You have no items in your wish list/],
      ['/shop/account/reviews', /You have submitted no reviews/],
      ['/shop/page/shipping-policy', /Flat Rate shipping costs \$5\.00 per item/],
    ];
    for (const [path, pattern] of pages) {
      const res = await web.get(path);
      expect(res.status, path).toBe(200);
      expect(res.html, path).toMatch(pattern);
    }
    expect((await web.get('/shop/product/no-such-thing')).status).toBe(404);
    expect((await web.get('/nowhere')).status).toBe(404);
  });

  it('pages a category 12 at a time with numbered links and Next', async () => {
    const { html } = await client(server).get('/shop/category/shoes?sort=name');
    expect(html).toMatch(/<a href="\/shop\/category\/shoes\?sort=name&amp;page=2"><span class="sr-only">Page <\/span>2<\/a>/);
    expect(html).toMatch(/<a href="\/shop\/category\/shoes\?sort=name&amp;page=2">Next<\/a>/);
    const page3 = await client(server).get('/shop/category/shoes?sort=name&page=3');
    expect(page3.html).toMatch(/Items 25-28 of 28/);
    expect(page3.html).not.toMatch(/>Next</);
  });

  it('answers POSTs with 303 and keeps each episode state apart', async () => {
    const one = server.createEpisodeState();
    const two = server.createEpisodeState();
    expect(one.stateId).not.toBe(two.stateId);
    expect(one.cookie).toEqual({ name: STATE_COOKIE, value: one.stateId, url: server.baseUrl });
    const p = simple();
    const a = client(server, one.cookie);
    const b = client(server, two.cookie);
    const res = await a.post('/shop/cart/add', { product: p.id, color: p.colors[0], qty: 2 });
    expect(res).toEqual({ status: 303, location: `/shop/product/${p.slug}` });
    expect((await a.get(`/shop/product/${p.slug}`)).html).toContain(`You added ${p.name} to your shopping cart.`);
    expect(textOfId((await a.get('/shop/cart')).html, 'cart-summary')).toContain(`Qty: 2 | ${p.name} | Color: ${p.colors[0]}`);
    expect(textOfId((await b.get('/shop/cart')).html, 'cart-summary')).not.toContain(p.name);
    expect(textOfId((await client(server).get('/shop/cart')).html, 'cart-summary')).not.toContain(p.name);
    expect(server.checkState(one.stateId, 'shop.cart_contains', { product: p.name, qty: 2 })).toBe(true);
    expect(server.checkState(two.stateId, 'shop.cart_contains', { product: p.name })).toBe(false);

    // Reset gives the same id a fresh copy; dropping forgets it.
    server.resetEpisodeState(one.stateId);
    expect(server.checkState(one.stateId, 'shop.cart_contains', { product: p.name })).toBe(false);
    server.dropEpisodeState(one.stateId);
    server.dropEpisodeState(two.stateId);
  });

  it('rejects an incomplete add-to-cart with messages instead of adding', async () => {
    const st = server.createEpisodeState();
    const web = client(server, st.cookie);
    const p = data().products.find((x) => x.sizes.length > 0)!;
    expect((await web.post('/shop/cart/add', { product: p.id, color: p.colors[0], qty: 'lots' })).status).toBe(303);
    const page = (await web.get(`/shop/product/${p.slug}`)).html;
    expect(page).toContain('Please choose a Size.');
    expect(page).toContain('Please enter a valid quantity');
    expect(server.checkState(st.stateId, 'shop.cart_contains', {})).toBe(false);
    server.dropEpisodeState(st.stateId);
  });

  it('places orders, keeps the wish list and pending reviews per episode', async () => {
    const st = server.createEpisodeState();
    const web = client(server, st.cookie);
    const p = simple();
    await web.post('/shop/cart/add', { product: p.id, color: p.colors[1], qty: 3 });
    const missing = await web.post('/shop/checkout', { name: 'A', method: 'express' });
    expect(missing.status).toBe(200);
    const address = { name: 'Sam Rivera', street: '12 Oak Street', city: 'Austin', state: 'TX', zip: '78701', phone: '' };
    const placed = await web.post('/shop/checkout', { ...address, method: 'express' });
    expect(placed).toEqual({ status: 303, location: '/shop/checkout/success?order=000000141' });
    const order = (await web.get('/shop/account/orders/latest')).html;
    expect(textOfId(order, 'order-items')).toBe(`Qty: 3 | ${p.name} | Color: ${p.colors[1]}`);
    expect(textOfId(order, 'shipping-address')).toContain('Austin, TX, 78701');
    expect(textOfId(order, 'shipping-method')).toContain('Express Delivery');
    expect(textOfId((await web.get('/shop/cart')).html, 'cart-summary')).not.toContain(p.name);
    expect((await client(server).get('/shop/account/orders/latest')).html).toContain('Order # 000000140');

    await web.post('/shop/wishlist/add', { product: p.id });
    expect(textOfId((await web.get('/shop/wishlist')).html, 'wishlist-items')).toContain(p.name);
    const review = await web.post(`/shop/product/${p.slug}/review`, { stars: 4, nickname: 'em', summary: 'Nice <b>', text: 'Works & fits' });
    expect(review.status).toBe(303);
    const mine = textOfId((await web.get('/shop/account/reviews')).html, 'my-reviews')!;
    expect(mine).toContain('Rating: 4 stars');
    expect(mine).toContain('Summary: Nice <b>');
    expect(server.checkState(st.stateId, 'shop.review_submitted', { product: p.name, stars: 4 })).toBe(true);
    expect(server.checkState(null, 'shop.wishlist_contains', { product: p.name })).toBe(false);
    server.dropEpisodeState(st.stateId);
  });

  it('measures the reset time of an episode state (its speed is reported by `npm run bench`)', () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(server.createEpisodeState().stateId);
      expect(server.resetMs).toBeGreaterThan(0);
    }
    ids.forEach((id) => server.dropEpisodeState(id));
  });

  it('gives a cookie with an unknown id its own fresh state, never the demo one', async () => {
    const stray = client(server, { name: STATE_COOKIE, value: 'never-created' });
    const p = simple();
    await stray.post('/shop/wishlist/add', { product: p.id });
    expect(server.checkState('never-created', 'shop.wishlist_contains', { product: p.name })).toBe(true);
    expect(server.checkState(null, 'shop.wishlist_contains', { product: p.name })).toBe(false);
    server.dropEpisodeState('never-created');
  });
});
