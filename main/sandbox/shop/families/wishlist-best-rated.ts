// State change: add the best-rated product of a category within a price band to the wish list.
// Oracle: category → price filter → sort by rating → open the first product → Add to Wish List.
import { compareProducts, priceParam, priceRangeLabel, priceBuckets, sortLabel } from '../catalog';
import type { Product, ShopData } from '../data';
import {
  SHOPPING, clickButton, clickLink, clickLinkContaining, defineShopFamily, paramPattern, pathPattern, selectOption, stateGoal, stop, urlGoal,
} from './common';

interface Params {
  category: string;
  lo: number;
}

/** Rated products of the category within [lo, lo + bucket), best first. */
export function bestRatedInBand(data: ShopData, category: string, lo: number): Product[] {
  const width = data.categories.find((c) => c.slug === category)!.bucket;
  return data.products
    .filter((p) => p.category === category && p.rating !== null && p.price >= lo && p.price < lo + width)
    .sort(compareProducts('rating'));
}

export const wishlistBestRated = defineShopFamily<Params>({
  id: 'shop/wishlist-best-rated',
  kind: 'change',
  code: 106,
  description: 'Add the best-rated product of a category in a price band to the wish list (filter, sort, product page).',
  templates: ['Add the best-rated {{category}} product priced from {{low}} to {{high}} to my wish list.'],
  enumerate(data) {
    const out: Params[] = [];
    for (const c of data.categories) {
      for (const b of priceBuckets(data.products.filter((p) => p.category === c.slug), c.bucket)) {
        const list = bestRatedInBand(data, c.slug, b.lo);
        if (list.length >= 2 && list[0].rating! > list[1].rating!) out.push({ category: c.slug, lo: b.lo });
      }
    }
    return out;
  },
  build(data, { category, lo }) {
    const cat = data.categories.find((c) => c.slug === category)!;
    const range = { lo, hi: lo + cat.bucket };
    const [low, high] = priceRangeLabel(range).split(' - ');
    const best = bestRatedInBand(data, category, lo)[0];
    return {
      template: 0,
      instantiation: { category: cat.name, low, high },
      startUrl: SHOPPING,
      eval: {
        kind: 'program_html',
        targets: [{ url: `${SHOPPING}/wishlist`, locator: "document.querySelector('#wishlist-items').outerText", required_contents: { must_include: [best.name] } }],
      },
      oracle: [
        clickLink(cat.name),
        clickLinkContaining(priceRangeLabel(range)),
        selectOption('Sort By', sortLabel('rating')),
        clickButton('Sort'),
        clickLink(best.name),
        clickButton('Add to Wish List'),
        stop(),
      ],
      subgoals: [
        urlGoal(`Open the ${cat.name} category`, pathPattern(`/category/${category}`)),
        urlGoal(`Filter to prices from ${low} to ${high}`, paramPattern('price', priceParam(range))),
        urlGoal('Sort by rating', paramPattern('sort', 'rating')),
        urlGoal(`Open the best-rated product (${best.name})`, pathPattern(`/product/${best.slug}`)),
        stateGoal('Add it to the wish list', 'shop.wishlist_contains', { product: best.name }),
      ],
    };
  },
});
