// State change with filtering: save the highest-rated place of a category in a city. Oracle: browse the
// category from the home page, filter by city, sort by rating, open the first result, save it.
import type { MapData, Place } from '../data';
import { SORTS, compareBy } from '../query';
import { SAVED_LISTS } from '../vocab';
import {
  MAP, clickButton, clickLink, defineMapFamily, formQuery, initiallySaved, pathPattern, queryPattern, selectOption, stateGoal, stop, urlGoal,
} from './common';
import { saveSteps, savedEval } from './save-place';

interface Params {
  category: string;
  city: string;
  list: number;
}

/** The category's places in the city, best rated first. */
export function topRated(data: MapData, category: string, city: string): Place[] {
  return data.places.filter((p) => p.category === category && p.city === city).sort(compareBy('rating'));
}

export const saveTopRated = defineMapFamily<Params>({
  id: 'map/save-top-rated',
  kind: 'change',
  code: 510,
  description: 'Save the highest-rated place of a category in a city (browse, filter, sort, place page, save).',
  templates: ['Save the highest-rated {{category}} in {{city}} to my "{{list}}" list.'],
  enumerate(data) {
    const out: Params[] = [];
    for (const c of data.categories) {
      for (const city of data.cities) {
        const list = topRated(data, c.id, city);
        if (list.length < 2 || list[0].rating === list[1].rating || initiallySaved(data, list[0])) continue;
        SAVED_LISTS.forEach((_, i) => out.push({ category: c.id, city, list: i }));
      }
    }
    return out;
  },
  build(data, { category, city, list: listIndex }) {
    const cat = data.categories.find((c) => c.id === category)!;
    const best = topRated(data, category, city)[0];
    const list = SAVED_LISTS[listIndex];
    const sortLabel = SORTS.find((s) => s.id === 'rating')!.label;
    return {
      template: 0,
      instantiation: { category: cat.label.toLowerCase(), city, list },
      startUrl: MAP,
      eval: savedEval(best, list),
      oracle: [clickLink(cat.plural), selectOption('City', city), selectOption('Sort by', sortLabel), clickButton('Apply filters'), clickLink(best.name), ...saveSteps(list), stop()],
      subgoals: [
        urlGoal(`Browse the ${cat.plural.toLowerCase()}`, `[?&]${formQuery([['category', category]])}(&|#|$)`),
        urlGoal(`Keep those in ${city}, best rated first`, queryPattern('/search', [['q', ''], ['category', category], ['city', city], ['sort', 'rating']])),
        urlGoal(`Open the top result, ${best.name}`, pathPattern(`/place/${best.slug}`)),
        stateGoal(`Save it to "${list}"`, 'map.saved_contains', { place: best.name, list }),
      ],
    };
  },
});
