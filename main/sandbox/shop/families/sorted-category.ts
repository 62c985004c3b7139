// Navigation: open a category with a given sort order (and optionally a rating filter); scored by URL.
import { sortLabel, type SortKey } from '../catalog';
import type { SubgoalPredicate } from '../../types';
import type { ShopData } from '../data';
import { SHOPPING, clickButton, clickLink, clickLinkContaining, defineShopFamily, paramPattern, pathPattern, selectOption, stop, urlGoal } from './common';

function ratedCount(data: ShopData, category: string, stars: number): number {
  return data.products.filter((p) => p.category === category && p.rating !== null && p.rating >= stars).length;
}

interface Params {
  category: string;
  sort: Exclude<SortKey, 'position'>;
  stars: number | null;
}

const ORDER_PHRASES: Record<Params['sort'], string> = {
  price_asc: 'price from low to high',
  price_desc: 'price from high to low',
  rating: 'rating',
  name: 'product name',
};

export const sortedCategory = defineShopFamily<Params>({
  id: 'shop/sorted-category',
  kind: 'navigation',
  code: 102,
  description: 'Open a category listing sorted a given way, optionally filtered by rating (URL match).',
  templates: [
    'Show me the {{category}} products sorted by {{order}}.',
    'Show me the {{category}} products rated {{stars}} stars and up, sorted by {{order}}.',
  ],
  enumerate(data) {
    const out: Params[] = [];
    for (const c of data.categories) {
      for (const sort of Object.keys(ORDER_PHRASES) as Params['sort'][]) {
        for (const stars of [null, 2, 3, 4]) {
          // A filter that leaves fewer than two products makes sorting meaningless (and hides the sorter).
          if (stars !== null && ratedCount(data, c.slug, stars) < 2) continue;
          out.push({ category: c.slug, sort, stars });
        }
      }
    }
    return out;
  },
  build(data, { category, sort, stars }) {
    const cat = data.categories.find((c) => c.slug === category)!;
    const query = stars === null ? `?sort=${sort}` : `?sort=${sort}&rating=${stars}`;
    const sortState: SubgoalPredicate = { kind: 'element_state', query: { role: 'combobox', name: 'Sort By' }, prop: 'value', value: sortLabel(sort) };
    const instantiation: Record<string, string | number> = { category: cat.name, order: ORDER_PHRASES[sort] };
    if (stars !== null) instantiation.stars = stars;
    return {
      template: stars === null ? 0 : 1,
      instantiation,
      startUrl: SHOPPING,
      eval: { kind: 'url_match', url: `${SHOPPING}/category/${category}${query}` },
      oracle: [
        clickLink(cat.name),
        ...(stars === null ? [] : [clickLinkContaining(`${stars} stars & up`)]),
        selectOption('Sort By', sortLabel(sort)),
        clickButton('Sort'),
        stop(),
      ],
      subgoals: [
        urlGoal(`Open the ${cat.name} category`, pathPattern(`/category/${category}`)),
        ...(stars === null ? [] : [urlGoal(`Filter to products rated ${stars} stars and up`, paramPattern('rating', stars))]),
        { text: `Choose "${sortLabel(sort)}" in the Sort By menu`, predicate: sortState },
        urlGoal(`Apply the ${ORDER_PHRASES[sort]} sort`, paramPattern('sort', sort)),
      ],
    };
  },
});
