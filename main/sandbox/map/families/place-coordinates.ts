// Information seeking: a place's coordinates. Oracle: search the name, open the place, read the coordinates.
import { formatCoordinates } from '../geo';
import { MAP, defineMapFamily, formParamPattern, openPlaceSteps, pathPattern, stop, textGoal, urlGoal } from './common';

export const placeCoordinates = defineMapFamily<{ placeId: number }>({
  id: 'map/place-coordinates',
  kind: 'info',
  code: 501,
  description: 'Latitude and longitude of a named place (search, place page).',
  templates: [
    'What are the coordinates of {{place}} in {{city}}? Give latitude and longitude.',
    'I need the latitude and longitude of {{place}} ({{city}}) for my GPS. What are they?',
  ],
  enumerate: (data) => data.places.map((p) => ({ placeId: p.id })),
  build(data, { placeId }, rng) {
    const p = data.placeById.get(placeId)!;
    const coords = formatCoordinates(p);
    const [lat, lon] = coords.split(', ');
    return {
      template: rng() < 0.5 ? 0 : 1,
      instantiation: { place: p.name, city: p.city },
      startUrl: MAP,
      eval: { kind: 'string_match', answers: { must_include: [lat, lon] }, raw: coords },
      oracle: [...openPlaceSteps(p), stop(coords)],
      subgoals: [
        urlGoal(`Search the map for ${p.name}`, formParamPattern('q', p.name)),
        urlGoal(`Open the page of ${p.name}`, pathPattern(`/place/${p.slug}`)),
        textGoal(`Read its coordinates`, coords),
      ],
    };
  },
});
