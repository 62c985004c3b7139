// Information seeking across two pages: how much more one product costs than another (search, read,
// search again, read, subtract).
import { formatMoney, type ShopData } from '../data';
import { SHOPPING, clickLink, defineShopFamily, pathPattern, search, stop, urlGoal } from './common';

interface Params {
  a: number;
  b: number;
}

export const priceDifference = defineShopFamily<Params>({
  id: 'shop/price-difference',
  kind: 'info',
  code: 107,
  description: 'Price difference between two named products of a category (two searches, carrying a price across pages).',
  templates: ['How much more does {{product_a}} cost than {{product_b}}?'],
  enumerate(data: ShopData) {
    const out: Params[] = [];
    for (const c of data.categories) {
      const items = data.products.filter((p) => p.category === c.slug);
      for (const a of items) {
        for (const b of items) {
          if (a.price <= b.price) continue;
          // The difference must not hide inside either price (an answer quoting both would match it).
          const diff = formatMoney(a.price - b.price).slice(1);
          if (formatMoney(a.price).includes(diff) || formatMoney(b.price).includes(diff)) continue;
          out.push({ a: a.id, b: b.id });
        }
      }
    }
    return out;
  },
  build(data, { a: aId, b: bId }, rng) {
    const a = data.productById.get(aId)!;
    const b = data.productById.get(bId)!;
    const answer = formatMoney(a.price - b.price);
    // Look up the products in either order: the answer does not depend on it.
    const [first, second] = rng() < 0.5 ? [a, b] : [b, a];
    return {
      template: 0,
      instantiation: { product_a: a.name, product_b: b.name },
      startUrl: SHOPPING,
      eval: { kind: 'string_match', answers: { must_include: [answer.slice(1)] }, raw: answer },
      oracle: [search(first.name), clickLink(first.name), search(second.name), clickLink(second.name), stop(answer)],
      subgoals: [
        urlGoal(`Search the store for ${first.name}`, pathPattern('/search')),
        urlGoal(`Open the page of ${first.name} and note its price`, pathPattern(`/product/${first.slug}`)),
        urlGoal(`Open the page of ${second.name} and note its price`, pathPattern(`/product/${second.slug}`)),
      ],
    };
  },
});
