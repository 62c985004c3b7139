// Information seeking: the closest place of a category to a named place. Oracle: open the place, run the
// nearby search with the category and a radius that reaches it, read the first row.
import { categoryById, type MapData } from '../data';
import {
  MAP, clearNearest, defineMapFamily, nearbyFields, nearbyFromPlaceSteps, openPlaceSteps, pathPattern, queryPattern, stop, urlGoal,
  formParamPattern,
} from './common';

interface Params {
  placeId: number;
  category: string;
}

/** (place, category) pairs with a clear-cut nearest place of another category. */
export function clearNearestPairs(data: MapData): Params[] {
  return data.places.flatMap((p) => data.categories
    .filter((c) => c.id !== p.category && (p.id + c.id.length) % 3 === 0 && clearNearest(data, p, c.id))
    .map((c) => ({ placeId: p.id, category: c.id })));
}

export const closestCategory = defineMapFamily<Params>({
  id: 'map/closest-category',
  kind: 'info',
  code: 503,
  description: 'The nearest place of a category to a named place (place page, nearby search with category and radius).',
  templates: [
    'Which {{category}} is closest to {{place}} as the crow flies?',
    'I am at {{place}}. What is the name of the nearest {{category}}?',
  ],
  enumerate: clearNearestPairs,
  build(data, { placeId, category }, rng) {
    const origin = data.placeById.get(placeId)!;
    const nearest = clearNearest(data, origin, category)!;
    const label = categoryById(data, category)!.label.toLowerCase();
    return {
      template: rng() < 0.5 ? 0 : 1,
      instantiation: { category: label, place: origin.name },
      startUrl: MAP,
      eval: { kind: 'string_match', answers: { must_include: [nearest.place.name] }, raw: `${nearest.place.name} (${nearest.km.toFixed(2)} km)` },
      oracle: [...openPlaceSteps(origin), ...nearbyFromPlaceSteps(data, category, nearest.radius), stop(nearest.place.name)],
      subgoals: [
        urlGoal(`Open the page of ${origin.name}`, pathPattern(`/place/${origin.slug}`)),
        urlGoal(`Open the nearby search around ${origin.name}`, formParamPattern('place', origin.name)),
        urlGoal(`List ${label} places within ${nearest.radius} km, nearest first`, queryPattern('/nearby', nearbyFields(origin, category, nearest.radius))),
      ],
    };
  },
});
