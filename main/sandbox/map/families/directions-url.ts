// Navigation: open the route between two places for a mode, starting from the first place's page.
import { TRAVEL_MODES } from '../geo';
import {
  MAP, clickButton, clickLink, defineMapFamily, directionsFields, formParamPattern, formQuery, openPlaceSteps, partners, pathPattern, queryPattern,
  selectOption, stop, typeInto, urlGoal,
} from './common';

interface Params {
  from: number;
  to: number;
  mode: number;
}

const ADVERB: Record<string, string> = { car: 'driving', bike: 'cycling', foot: 'walking' };

export const directionsUrl = defineMapFamily<Params>({
  id: 'map/directions-url',
  kind: 'navigation',
  code: 505,
  description: 'Show the route between two places for a travel mode (place page, directions from here).',
  templates: ['Show me {{mode}} directions from {{from}} to {{to}}.'],
  enumerate: (data) => data.places.flatMap((p, i) => partners(data, p, [5, 17]).map((o, j) => ({ from: p.id, to: o.id, mode: (i + 2 * j + 1) % TRAVEL_MODES.length }))),
  build(data, params) {
    const from = data.placeById.get(params.from)!;
    const to = data.placeById.get(params.to)!;
    const mode = TRAVEL_MODES[params.mode];
    const fields = directionsFields(from, to, mode);
    return {
      template: 0,
      instantiation: { mode: ADVERB[mode.id], from: from.name, to: to.name },
      startUrl: MAP,
      eval: { kind: 'url_match', url: `${MAP}/directions?${formQuery(fields)}` },
      oracle: [...openPlaceSteps(from), clickLink('Directions from here'), typeInto('To', to.name), selectOption('Mode', mode.label), clickButton('Get directions'), stop()],
      subgoals: [
        urlGoal(`Open the page of ${from.name}`, pathPattern(`/place/${from.slug}`)),
        urlGoal(`Start directions from ${from.name}`, formParamPattern('from', from.name)),
        urlGoal(`Show the ${ADVERB[mode.id]} route to ${to.name}`, queryPattern('/directions', fields)),
      ],
    };
  },
});
