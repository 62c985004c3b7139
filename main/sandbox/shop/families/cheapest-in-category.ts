// Information seeking: the price of the cheapest (or dearest) product of a category above a rating.
// Oracle: open the category from the menu, apply the rating filter, sort by price, read the first price.
import { compareProducts, sortLabel } from '../catalog';
import { formatMoney, type Product, type ShopData } from '../data';
import { SHOPPING, clickButton, clickLink, clickLinkContaining, defineShopFamily, paramPattern, pathPattern, selectOption, stop, urlGoal } from './common';

interface Params {
  category: string;
  stars: number;
  direction: 'asc' | 'desc';
}

/** The qualifying products, cheapest first. */
export function ratedAtLeast(data: ShopData, category: string, stars: number): Product[] {
  return data.products.filter((p) => p.category === category && p.rating !== null && p.rating >= stars).sort(compareProducts('price_asc'));
}

export const cheapestInCategory = defineShopFamily<Params>({
  id: 'shop/cheapest-in-category',
  kind: 'info',
  code: 101,
  description: 'Price of the cheapest or most expensive product of a category with a minimum rating (filter + sort).',
  templates: [
    'What is the price of the cheapest {{category}} product rated at least {{stars}} stars?',
    'What is the price of the most expensive {{category}} product rated at least {{stars}} stars?',
  ],
  enumerate(data) {
    const out: Params[] = [];
    for (const c of data.categories) {
      for (const stars of [2, 3, 4]) {
        const list = ratedAtLeast(data, c.slug, stars);
        if (list.length < 3) continue;
        // The answer must be unambiguous: no tie for the extreme price.
        if (list[0].price !== list[1].price) out.push({ category: c.slug, stars, direction: 'asc' });
        if (list[list.length - 1].price !== list[list.length - 2].price) out.push({ category: c.slug, stars, direction: 'desc' });
      }
    }
    return out;
  },
  build(data, { category, stars, direction }) {
    const cat = data.categories.find((c) => c.slug === category)!;
    const list = ratedAtLeast(data, category, stars);
    const target = direction === 'asc' ? list[0] : list[list.length - 1];
    const whole = data.products.filter((p) => p.category === category).sort(compareProducts('price_asc'));
    const answer = formatMoney(target.price);
    const sort = direction === 'asc' ? 'price_asc' : 'price_desc';
    return {
      template: direction === 'asc' ? 0 : 1,
      instantiation: { category: cat.name, stars },
      startUrl: SHOPPING,
      eval: { kind: 'string_match', answers: { must_include: [answer.slice(1)] }, raw: answer },
      // The runner-up, the other extreme, and both extremes without the rating filter (answer-screen.ts).
      wrongAnswers: [list[1], list[list.length - 2], list[0], list[list.length - 1], whole[0], whole[whole.length - 1]].map((p) => formatMoney(p.price).slice(1)),
      oracle: [
        clickLink(cat.name),
        clickLinkContaining(`${stars} stars & up`),
        selectOption('Sort By', sortLabel(sort)),
        clickButton('Sort'),
        stop(answer),
      ],
      subgoals: [
        urlGoal(`Open the ${cat.name} category`, pathPattern(`/category/${category}`)),
        urlGoal(`Keep only products rated ${stars} stars and up`, paramPattern('rating', stars)),
        // (No milestone for reading the price: it can show on earlier pages too, so no page predicate pins it.)
        urlGoal(`Sort the products by price, ${direction === 'asc' ? 'low to high' : 'high to low'}, and read the first price`, paramPattern('sort', sort)),
      ],
    };
  },
});
