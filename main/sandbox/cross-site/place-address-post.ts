// Cross-site state change (map → forum): look a place up on the map and post its address in a forum that
// fits the place's topic. The address must be carried from the map's place page into the post's body.
import { mapPlace } from '../map/access';
import { openPlaceSteps, pathPattern as mapPath } from '../map/families/common';
import { defineFamily, forumsForPlaceCategory, mapWithSeed, postEval, postOnForumSteps, postOnForumSubgoals, stop, urlGoal } from './common';

interface Params {
  placeId: number;
  forum: string;
}

export const placeAddressPost = defineFamily('map', mapWithSeed, {
  id: 'cross/place-address-post',
  kind: 'change',
  code: 601,
  alsoSites: ['forum'],
  description: 'Find a place on the map, then post its address in a fitting forum (value carried across sites).',
  templates: [
    'Look up {{place}} on the map and share its street address in the {{forum}} forum: a post titled "{{title}}" whose body is the address.',
    'Post the address of {{place}} (find it on the map) to the {{forum}} forum with the title "{{title}}" and the address as the body.',
  ],
  enumerate: ({ seed, map }): Params[] =>
    map.places.filter((_, i) => i % 2 === 0).map((p, i) => {
      const forums = forumsForPlaceCategory(seed, p.category);
      return { placeId: p.id, forum: forums[i % forums.length] };
    }),
  build({ seed, map }, { placeId, forum }, rng) {
    const place = map.placeById.get(placeId)!;
    const info = mapPlace(seed, place.name)!;
    const title = `Where to find ${place.name}`;
    const post = { forum, title, body: info.address };
    return {
      template: rng() < 0.5 ? 0 : 1,
      instantiation: { place: place.name, forum, title },
      eval: postEval(post, [info.address]),
      oracle: [...openPlaceSteps(place), ...postOnForumSteps(post), stop()],
      subgoals: [
        urlGoal(`Open the map page of ${place.name} and note its address`, mapPath(`/place/${place.slug}`)),
        ...postOnForumSubgoals(post),
      ],
    };
  },
});
