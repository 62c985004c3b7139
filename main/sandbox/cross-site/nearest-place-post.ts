// Cross-site state change (map → forum), long horizon: find the place of a category nearest to a named place
// with the map's nearby search, then recommend it in a forum with the distance shown in the results.
import { categoryById } from '../map/data';
import { clearNearest, formParamPattern, nearbyFields, nearbyFromPlaceSteps, openPlaceSteps, queryPattern } from '../map/families/common';
import { clearNearestPairs } from '../map/families/closest-category';
import { defineFamily, forumsForPlaceCategory, mapWithSeed, postEval, postOnForumSteps, postOnForumSubgoals, stop, urlGoal } from './common';

interface Params {
  placeId: number;
  category: string;
}

export const nearestPlacePost = defineFamily('map', mapWithSeed, {
  id: 'cross/nearest-place-post',
  kind: 'change',
  code: 602,
  alsoSites: ['forum'],
  description: 'Nearby search on the map for the closest place of a category, then a forum post naming it (two sites, 8+ steps).',
  templates: [
    'Find the {{category}} nearest to {{place}} on the map, then post in the {{forum}} forum a submission titled "{{title}}" whose body names that {{category}}.',
  ],
  enumerate: ({ map }) => clearNearestPairs(map),
  build({ seed, map }, { placeId, category }, rng) {
    const origin = map.placeById.get(placeId)!;
    const nearest = clearNearest(map, origin, category)!;
    const label = categoryById(map, category)!.label.toLowerCase();
    const forums = forumsForPlaceCategory(seed, category);
    const forum = forums[Math.floor(rng() * forums.length)];
    const title = `The closest ${label} to ${origin.name}`;
    const post = { forum, title, body: `${nearest.place.name}, ${nearest.km.toFixed(2)} km from ${origin.name}.` };
    return {
      template: 0,
      instantiation: { category: label, place: origin.name, forum, title },
      eval: postEval(post, [nearest.place.name]),
      oracle: [...openPlaceSteps(origin), ...nearbyFromPlaceSteps(map, category, nearest.radius), ...postOnForumSteps(post), stop()],
      subgoals: [
        urlGoal(`Open the nearby search around ${origin.name}`, formParamPattern('place', origin.name)),
        urlGoal(`List ${label} places within ${nearest.radius} km, nearest first`, queryPattern('/nearby', nearbyFields(origin, category, nearest.radius))),
        ...postOnForumSubgoals(post),
      ],
    };
  },
});
