// Information seeking over two tools: find the nearest place of a category to A, then the travel time from
// it to B. The name found on the nearby page must be carried into the directions form.
import { categoryById } from '../data';
import { TRAVEL_MODES } from '../geo';
import { clearNearestPairs } from './closest-category';
import {
  MAP, clearNearest, defineMapFamily, directionsFields, directionsSteps, minutesAnswer, minutesReference, nearbyFields, nearbyFromPlaceSteps, openPlaceSteps, partners, tripWrongAnswers,
  pathPattern, queryPattern, stop, textGoal, urlGoal,
} from './common';

interface Params {
  placeId: number;
  category: string;
}

export const nearestThenRoute = defineMapFamily<Params>({
  id: 'map/nearest-then-route',
  kind: 'info',
  code: 509,
  description: 'Travel time from the nearest place of a category (nearby search) to another place (directions).',
  templates: ['How long does it take to {{verb}} from the {{category}} nearest to {{place}} to {{destination}}? Answer in minutes.'],
  enumerate: (data) => clearNearestPairs(data).filter((_, i) => i % 2 === 0),
  build(data, { placeId, category }) {
    const origin = data.placeById.get(placeId)!;
    const { place: nearest, radius } = clearNearest(data, origin, category)!;
    const destination = partners(data, origin, [1, 2, 3]).find((p) => p.id !== nearest.id)!;
    const mode = TRAVEL_MODES[(placeId + 1) % TRAVEL_MODES.length];
    const answer = minutesAnswer(nearest, destination, mode);
    const label = categoryById(data, category)!.label.toLowerCase();
    return {
      template: 0,
      instantiation: { verb: mode.verb, category: label, place: origin.name, destination: destination.name },
      startUrl: MAP,
      eval: { kind: 'string_match', answers: { must_include: [minutesReference(nearest, destination, mode)] }, raw: `${answer} from ${nearest.name}` },
      // Also the trip from the starting place itself, skipping the nearby search.
      wrongAnswers: [...tripWrongAnswers(nearest, destination, mode), ...tripWrongAnswers(origin, destination, mode)],
      oracle: [...openPlaceSteps(origin), ...nearbyFromPlaceSteps(data, category, radius), ...directionsSteps(nearest, destination, mode), stop(answer)],
      subgoals: [
        urlGoal(`Open the page of ${origin.name}`, pathPattern(`/place/${origin.slug}`)),
        urlGoal(`Find the nearest ${label} (${nearest.name})`, queryPattern('/nearby', nearbyFields(origin, category, radius))),
        urlGoal(`Get the route from ${nearest.name} to ${destination.name}`, queryPattern('/directions', directionsFields(nearest, destination, mode))),
        textGoal(`Read the travel time`, `Time: ${answer}`),
      ],
    };
  },
});
