// Navigation: the nearby-search results page for a category and radius around a place, via the Nearby tool.
import { categoryById } from '../data';
import { RADII, nearby, radiusLabel } from '../query';
import {
  MAP, clickButton, clickLink, defineMapFamily, formParamPattern, formQuery, nearbyFields, pathPattern, queryPattern, selectOption, stop, typeInto, urlGoal,
} from './common';

interface Params {
  placeId: number;
  category: string;
  radius: number;
}

export const nearbyResults = defineMapFamily<Params>({
  id: 'map/nearby-results',
  kind: 'navigation',
  code: 506,
  description: 'Open the nearby results for a category within a radius of a place (Nearby form).',
  templates: ['Show me all {{plural}} within {{radius}} of {{place}}.'],
  enumerate(data) {
    const out: Params[] = [];
    for (const p of data.places) {
      const category = data.categories[(p.id * 3) % data.categories.length].id;
      // The smallest radius with at least one result: a real list, and a radius that matters.
      const radius = RADII.find((r) => nearby(data, p, category, r).length > 0);
      if (radius !== undefined) out.push({ placeId: p.id, category, radius });
    }
    return out;
  },
  build(data, { placeId, category, radius }) {
    const p = data.placeById.get(placeId)!;
    const cat = categoryById(data, category)!;
    const fields = nearbyFields(p, category, radius);
    return {
      template: 0,
      instantiation: { plural: cat.plural.toLowerCase(), radius: radiusLabel(radius), place: p.name },
      startUrl: MAP,
      eval: { kind: 'url_match', url: `${MAP}/nearby?${formQuery(fields)}` },
      oracle: [clickLink('Nearby'), typeInto('Place', p.name), selectOption('Category', cat.label), selectOption('Radius', radiusLabel(radius)), clickButton('Search nearby'), stop()],
      subgoals: [
        urlGoal('Open the nearby search', pathPattern('/nearby')),
        urlGoal(`Search around ${p.name}`, formParamPattern('place', p.name)),
        urlGoal(`List ${cat.plural.toLowerCase()} within ${radiusLabel(radius)}`, queryPattern('/nearby', fields)),
      ],
    };
  },
});
