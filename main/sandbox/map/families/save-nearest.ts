// State change with a lookup first: save the nearest place of a category to a named place. Oracle: place
// page, nearby search, open the first result, save it to the list.
import { categoryById } from '../data';
import { SAVED_LISTS } from '../vocab';
import { clearNearestPairs } from './closest-category';
import {
  MAP, clearNearest, clickLink, defineMapFamily, initiallySaved, nearbyFields, nearbyFromPlaceSteps, openPlaceSteps, pathPattern, queryPattern, stateGoal,
  stop, urlGoal,
} from './common';
import { saveSteps, savedEval } from './save-place';

interface Params {
  placeId: number;
  category: string;
}

export const saveNearest = defineMapFamily<Params>({
  id: 'map/save-nearest',
  kind: 'change',
  code: 508,
  description: 'Save the nearest place of a category to a named place (nearby search, result page, save form).',
  templates: ['Find the {{category}} nearest to {{place}} and save it to my "{{list}}" list.'],
  enumerate: (data) => clearNearestPairs(data).filter((q) => !initiallySaved(data, clearNearest(data, data.placeById.get(q.placeId)!, q.category)!.place)),
  build(data, { placeId, category }) {
    const origin = data.placeById.get(placeId)!;
    const nearest = clearNearest(data, origin, category)!;
    const list = SAVED_LISTS[(placeId + category.length) % SAVED_LISTS.length];
    const label = categoryById(data, category)!.label.toLowerCase();
    return {
      template: 0,
      instantiation: { category: label, place: origin.name, list },
      startUrl: MAP,
      eval: savedEval(nearest.place, list),
      oracle: [...openPlaceSteps(origin), ...nearbyFromPlaceSteps(data, category, nearest.radius), clickLink(nearest.place.name), ...saveSteps(list), stop()],
      subgoals: [
        urlGoal(`Open the page of ${origin.name}`, pathPattern(`/place/${origin.slug}`)),
        urlGoal(`List ${label} places near ${origin.name}`, queryPattern('/nearby', nearbyFields(origin, category, nearest.radius))),
        urlGoal(`Open the nearest one, ${nearest.place.name}`, pathPattern(`/place/${nearest.place.slug}`)),
        stateGoal(`Save it to "${list}"`, 'map.saved_contains', { place: nearest.place.name, list }),
      ],
    };
  },
});
