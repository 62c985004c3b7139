import { describe, expect, it } from 'vitest';
import { listProducts } from '../../../main/sandbox/shop/catalog';
import { getShopData } from '../../../main/sandbox/shop/data';
import { freshShopState } from '../../../main/sandbox/shop/state';

describe('shop dataset', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = getShopData(11);
    const b = getShopData(11);
    expect(JSON.stringify(a.products)).toBe(JSON.stringify(b.products));
    const c = getShopData(12);
    expect(JSON.stringify(c.products)).not.toBe(JSON.stringify(a.products));
    expect(JSON.stringify(c.initialOrders)).not.toBe(JSON.stringify(a.initialOrders));
  });

  it('has 200+ products over 8 categories with unique names, slugs and consistent ratings', () => {
    const d = getShopData(1);
    expect(d.categories).toHaveLength(8);
    expect(d.products.length).toBeGreaterThanOrEqual(200);
    expect(new Set(d.products.map((p) => p.name)).size).toBe(d.products.length);
    expect(new Set(d.products.map((p) => p.slug)).size).toBe(d.products.length);
    for (const p of d.products) {
      expect(p.price).toBeGreaterThan(0);
      expect(p.colors.length).toBeGreaterThanOrEqual(2);
      if (p.reviews.length === 0) expect(p.rating).toBeNull();
      else expect(p.rating).toBe(Math.round((p.reviews.reduce((s, r) => s + r.stars, 0) / p.reviews.length) * 10) / 10);
    }
    expect(d.products.filter((p) => p.sizes.length > 0).length).toBeGreaterThan(40);
  });

  it('has an order history whose totals add up', () => {
    const d = getShopData(1);
    expect(d.initialOrders).toHaveLength(40);
    for (const o of d.initialOrders) {
      const subtotal = o.lines.reduce((s, l) => s + l.price * l.qty, 0);
      expect(o.subtotal).toBe(subtotal);
      expect(o.total).toBe(o.subtotal + o.shipping);
    }
    const dates = d.initialOrders.map((o) => o.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('copies the mutable state so episodes never share it', () => {
    const d = getShopData(1);
    const s1 = freshShopState(d);
    const s2 = freshShopState(d);
    s1.orders[0].status = 'Canceled';
    s1.orders.push(s1.orders[0]);
    expect(s2.orders).toHaveLength(40);
    expect(d.initialOrders[0].status).toBe(s2.orders[0].status);
  });

  it('filters, sorts and pages listings', () => {
    const d = getShopData(1);
    const res = listProducts(d, { category: 'cameras', sort: 'price_asc', minRating: 3, page: 1 });
    const expected = d.products.filter((p) => p.category === 'cameras' && (p.rating ?? 0) >= 3).map((p) => p.price).sort((a, b) => a - b);
    expect(res.total).toBe(expected.length);
    expect(res.items.map((p) => p.price)).toEqual(expected.slice(0, 12));
    const byName = listProducts(d, { category: 'shoes', sort: 'name', page: 3 });
    expect(byName.items).toHaveLength(4);
    const names = byName.items.map((p) => p.name);
    expect(names).toEqual([...names].sort());
  });
});
