// Each family's reference answer, recomputed here straight from the dataset (not through the families'
// own helpers), and — for state changes — checked against the pages after doing the change over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFamily } from '../../../main/sandbox/families';
import { startSandboxServer, type SandboxServer } from '../../../main/sandbox/server';
import { getShopData, type Product } from '../../../main/sandbox/shop/data';
import type { SandboxTaskInstance } from '../../../main/sandbox/types';
import { client, localPath, textOfId } from './helpers';

const SEEDS = [1, 5];
const N = 25;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const money = (cents: number) => (cents / 100).toFixed(2);
const cfg = (i: SandboxTaskInstance) => i.config as Record<string, any>;
const dict = (i: SandboxTaskInstance) => cfg(i).instantiation_dict as Record<string, any>;
const instances = (family: string, seed: number) => Array.from({ length: N }, (_, i) => findFamily(family)!.instantiate(seed, i));
const categoryNamed = (seed: number, name: string) => getShopData(seed).categories.find((c) => c.name === name)!;
const productNamed = (seed: number, name: string) => getShopData(seed).products.find((p) => p.name === name)!;

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0, datasetSeed: 1 });
});
afterAll(async () => {
  await server.close();
});

describe.each(SEEDS)('reference answers (seed %i)', (seed) => {
  it('shop/cheapest-in-category', () => {
    for (const inst of instances('shop/cheapest-in-category', seed)) {
      const d = dict(inst);
      const cat = categoryNamed(seed, d.category);
      const prices = getShopData(seed).products.filter((p) => p.category === cat.slug && p.rating !== null && p.rating >= Number(d.stars)).map((p) => p.price);
      const want = cfg(inst).intent.includes('cheapest') ? Math.min(...prices) : Math.max(...prices);
      expect(prices.filter((p) => p === want)).toHaveLength(1);
      expect(cfg(inst).eval.reference_answers).toEqual({ must_include: [money(want)] });
    }
  });

  it('shop/sorted-category', () => {
    const sorts: Record<string, string> = { 'price from low to high': 'price_asc', 'price from high to low': 'price_desc', rating: 'rating', 'product name': 'name' };
    for (const inst of instances('shop/sorted-category', seed)) {
      const d = dict(inst);
      const slug = categoryNamed(seed, d.category).slug;
      const url = new URL(cfg(inst).eval.reference_url.replace('__SHOPPING__', 'http://x/shop'));
      expect(url.pathname).toBe(`/shop/category/${slug}`);
      expect(url.searchParams.get('sort')).toBe(sorts[d.order]);
      expect(url.searchParams.get('rating')).toBe(d.stars === undefined ? null : String(d.stars));
    }
  });

  it('shop/monthly-spend', () => {
    for (const inst of instances('shop/monthly-spend', seed)) {
      const d = dict(inst);
      const ym = `${d.year}-${String(MONTHS.indexOf(d.month) + 1).padStart(2, '0')}`;
      const totals = getShopData(seed).initialOrders.filter((o) => o.date.startsWith(ym) && o.status !== 'Canceled').map((o) => o.total);
      expect(totals.length).toBeGreaterThan(0);
      const want = cfg(inst).intent.includes('most expensive') ? Math.max(...totals) : totals.reduce((a, b) => a + b, 0);
      expect(cfg(inst).eval.reference_answers).toEqual({ must_include: [money(want)] });
    }
  });

  it('shop/price-difference', () => {
    for (const inst of instances('shop/price-difference', seed)) {
      const d = dict(inst);
      const diff = productNamed(seed, d.product_a).price - productNamed(seed, d.product_b).price;
      expect(diff).toBeGreaterThan(0);
      expect(cfg(inst).eval.reference_answers).toEqual({ must_include: [money(diff)] });
    }
  });

  it('shop/wishlist-best-rated', () => {
    for (const inst of instances('shop/wishlist-best-rated', seed)) {
      const d = dict(inst);
      const cat = categoryNamed(seed, d.category);
      const lo = Math.round(Number(d.low.slice(1)) * 100);
      const hi = Math.round(Number(d.high.slice(1)) * 100);
      const band = getShopData(seed).products.filter((p) => p.category === cat.slug && p.rating !== null && p.price >= lo && p.price <= hi);
      const best = Math.max(...band.map((p) => p.rating!));
      const winners = band.filter((p) => p.rating === best);
      expect(winners).toHaveLength(1);
      expect(cfg(inst).eval.program_html[0].required_contents.must_include).toEqual([winners[0].name]);
    }
  });

  it('shop/review-purchase', () => {
    for (const inst of instances('shop/review-purchase', seed)) {
      const d = dict(inst);
      const ym = `${d.year}-${String(MONTHS.indexOf(d.month) + 1).padStart(2, '0')}`;
      const data = getShopData(seed);
      const bought = data.initialOrders.filter((o) => o.date.startsWith(ym)).flatMap((o) => o.lines)
        .map((l) => data.productById.get(l.productId)!).filter((p) => data.categories.find((c) => c.slug === p.category)!.name === d.category);
      expect(bought).toHaveLength(1);
      const must = cfg(inst).eval.program_html[0].required_contents.must_include;
      expect(must).toContain(bought[0].name);
      expect(must).toContain(`Rating: ${d.stars} star${d.stars === 1 ? '' : 's'}`);
      expect(must).toContain(`Nickname: ${d.nickname}`);
    }
  });

  it('shop/add-to-cart and shop/checkout ask for options the product has', () => {
    for (const family of ['shop/add-to-cart', 'shop/checkout']) {
      for (const inst of instances(family, seed)) {
        const d = dict(inst);
        const p: Product = productNamed(seed, d.product);
        expect(p.colors).toContain(d.color);
        expect(d.size === undefined ? p.sizes.length === 0 : p.sizes.includes(d.size)).toBe(true);
        const line = `Qty: ${d.qty} | ${p.name} | Color: ${d.color}${d.size ? ` | Size: ${d.size}` : ''}`;
        // add-to-cart also pins the cart's item count (no extra products): test/integration/sandbox-collateral.test.ts.
        expect(cfg(inst).eval.program_html[0].required_contents.must_include).toEqual(family === 'shop/add-to-cart' ? [line, `Items: ${d.qty} ·`] : [line]);
      }
    }
  });
});

describe('state-change references against the live pages (seed 1)', () => {
  /** Runs each program_html check of the instance on a fresh state: it must fail before and pass after `act`. */
  async function checkChange(inst: SandboxTaskInstance, act: (web: ReturnType<typeof client>) => Promise<void>) {
    const st = server.createEpisodeState();
    const web = client(server, st.cookie);
    // The element-text targets; list-shaped ones (a checkout's exact order lines) run in Chromium in
    // test/integration/sandbox-collateral.test.ts.
    const targets = (cfg(inst).eval.program_html as Array<{ url: string; locator: string; required_contents: { must_include: string[] } }>)
      .filter((t) => /^document\.querySelector\('#[\w-]+'\)\.outerText$/.test(t.locator));
    const read = async (t: (typeof targets)[number]) => {
      const id = /querySelector\('#([\w-]+)'\)\.outerText/.exec(t.locator)![1];
      return textOfId((await web.get(localPath(server, t.url))).html, id) ?? '';
    };
    const before = await Promise.all(targets.map(read));
    expect(targets.every((t, i) => t.required_contents.must_include.every((m) => before[i].includes(m)))).toBe(false);
    await act(web);
    for (const t of targets) {
      const text = await read(t);
      for (const m of t.required_contents.must_include) expect(text).toContain(m);
    }
    server.dropEpisodeState(st.stateId);
  }

  it('add-to-cart, checkout, wish list and review checks pass exactly when the change is made', async () => {
    const data = getShopData(1);
    for (let i = 0; i < 4; i++) {
      const cart = findFamily('shop/add-to-cart')!.instantiate(1, i);
      const c = dict(cart);
      await checkChange(cart, async (web) => {
        await web.post('/shop/cart/add', { product: productNamed(1, c.product).id, color: c.color, size: c.size ?? '', qty: c.qty });
      });
      const buy = findFamily('shop/checkout')!.instantiate(1, i);
      const b = dict(buy);
      await checkChange(buy, async (web) => {
        await web.post('/shop/cart/add', { product: productNamed(1, b.product).id, color: b.color, size: b.size ?? '', qty: b.qty });
        const method = { 'Flat Rate': 'flatrate', 'Express Delivery': 'express', 'Store Pickup': 'pickup' }[b.shipping as string]!;
        const res = await web.post('/shop/checkout', { name: b.name, street: b.street, city: b.city, state: b.state, zip: b.zip, method });
        expect(res.status).toBe(303);
      });
      const wish = findFamily('shop/wishlist-best-rated')!.instantiate(1, i);
      const name = cfg(wish).eval.program_html[0].required_contents.must_include[0];
      await checkChange(wish, async (web) => {
        await web.post('/shop/wishlist/add', { product: productNamed(1, name).id });
      });
      const review = findFamily('shop/review-purchase')!.instantiate(1, i);
      const r = dict(review);
      const reviewed = data.products.find((p) => cfg(review).eval.program_html[0].required_contents.must_include.includes(p.name))!;
      await checkChange(review, async (web) => {
        await web.post(`/shop/product/${reviewed.slug}/review`, { stars: r.stars, nickname: r.nickname, summary: r.summary, text: r.text });
      });
    }
  });

  it('sorting a filtered listing lands on the reference URL exactly (plain-substring URL checks)', async () => {
    for (let i = 0; i < 10; i++) {
      const inst = findFamily('shop/sorted-category')!.instantiate(1, i);
      const ref = localPath(server, cfg(inst).eval.reference_url);
      const url = new URL(ref, server.baseUrl);
      const rating = url.searchParams.get('rating');
      const start = rating ? `${url.pathname}?rating=${rating}` : url.pathname;
      const page = (await client(server).get(start)).html;
      // Submit the sort form as a browser would: its fields in document order, the wanted option selected.
      const form = /<form method="get" action="([^"]+)">([\s\S]*?)<\/form>/.exec(page)!;
      const fields = [...form[2].matchAll(/<(?:input type="hidden"|select id="sorter") name="(\w+)"(?: value="([^"]*)")?/g)]
        .map((m) => [m[1], m[1] === 'sort' ? url.searchParams.get('sort')! : m[2]]);
      expect(`${form[1]}?${new URLSearchParams(fields).toString()}`).toBe(ref);
    }
  });

  it('the navigation reference URL is a real page with the sort applied', async () => {
    for (let i = 0; i < 5; i++) {
      const inst = findFamily('shop/sorted-category')!.instantiate(1, i);
      const url = cfg(inst).eval.reference_url as string;
      const res = await client(server).get(localPath(server, url));
      expect(res.status).toBe(200);
      expect(res.html).toContain(`<option value="${new URL(url.replace('__SHOPPING__', 'http://x')).searchParams.get('sort')}" selected>`);
    }
  });
});
