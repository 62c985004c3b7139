// Information seeking: how long a trip takes by a mode. Oracle: directions form (from, to, mode), read the time.
import { TRAVEL_MODES, route } from '../geo';
import {
  MAP, defineMapFamily, directionsFields, directionsSteps, minutesAnswer, minutesReference, partners, tripWrongAnswers, pathPattern, queryPattern, stop, textGoal, urlGoal,
} from './common';

interface Params {
  from: number;
  to: number;
  mode: number;
}

export const travelTime = defineMapFamily<Params>({
  id: 'map/travel-time',
  kind: 'info',
  code: 502,
  description: 'Travel time between two places by car, bicycle or on foot (directions form).',
  templates: ['How long does it take to {{verb}} from {{from}} to {{to}}? Answer in minutes.'],
  enumerate: (data) => data.places.flatMap((p, i) => partners(data, p, [3, 11]).map((o, j) => ({ from: p.id, to: o.id, mode: (i + j) % TRAVEL_MODES.length }))),
  build(data, params) {
    const from = data.placeById.get(params.from)!;
    const to = data.placeById.get(params.to)!;
    const mode = TRAVEL_MODES[params.mode];
    const answer = minutesAnswer(from, to, mode);
    return {
      template: 0,
      instantiation: { verb: mode.verb, from: from.name, to: to.name },
      startUrl: MAP,
      eval: { kind: 'string_match', answers: { must_include: [minutesReference(from, to, mode)] }, raw: `${answer} (${route(from, to, mode).distanceKm.toFixed(1)} km)` },
      wrongAnswers: tripWrongAnswers(from, to, mode),
      oracle: [...directionsSteps(from, to, mode), stop(answer)],
      subgoals: [
        urlGoal('Open the directions page', pathPattern('/directions')),
        urlGoal(`Get the ${mode.label.toLowerCase()} route from ${from.name} to ${to.name}`, queryPattern('/directions', directionsFields(from, to, mode))),
        textGoal(`Read the travel time`, `Time: ${answer}`),
      ],
    };
  },
});
