// Information seeking across pages: which of three places of one category is the shortest drive from a
// fourth. Oracle: one directions query per candidate (the form keeps From), remember and compare distances.
// The answer needs the distance too, so repeating the three names from the question does not pass.
import { categoryById, type MapData, type Place } from '../data';
import { TRAVEL_MODES, route } from '../geo';
import { replaceIn } from '../../family-kit';
import { MAP, clickButton, defineMapFamily, directionsSteps, queryPattern, sameCity, stop, urlGoal, directionsFields } from './common';

interface Params {
  origin: number;
  candidates: number[];
}

const CAR = TRAVEL_MODES[0];

/** Candidates whose driving distances differ by at least 0.3 km, so one is clearly the shortest. */
function clearlyOrdered(origin: Place, candidates: Place[]): boolean {
  const d = candidates.map((c) => route(origin, c, CAR).distanceKm).sort((a, b) => a - b);
  return d[1] - d[0] >= 0.3;
}

function enumerate(data: MapData): Params[] {
  const out: Params[] = [];
  for (const origin of data.places) {
    if (origin.id % 2 !== 0) continue;
    const category = data.categories[origin.id % data.categories.length].id;
    const pool = sameCity(data, origin).filter((p) => p.category === category);
    if (pool.length < 3) continue;
    const start = origin.id % pool.length;
    const candidates = [0, 1, 2].map((k) => pool[(start + k * 2) % pool.length]);
    if (new Set(candidates).size === 3 && clearlyOrdered(origin, candidates)) out.push({ origin: origin.id, candidates: candidates.map((c) => c.id) });
  }
  return out;
}

export const nearestOfThree = defineMapFamily<Params>({
  id: 'map/nearest-of-three',
  kind: 'info',
  code: 504,
  description: 'Which of three named places is the shortest drive from a fourth (three directions queries, compare distances).',
  templates: ['Which of these {{plural}} is the shortest drive from {{origin}}: {{a}}, {{b}} or {{c}}? Give its name and the driving distance.'],
  enumerate,
  build(data, params) {
    const origin = data.placeById.get(params.origin)!;
    const [a, b, c] = params.candidates.map((id) => data.placeById.get(id)!);
    const best = [a, b, c].sort((x, y) => route(origin, x, CAR).distanceKm - route(origin, y, CAR).distanceKm)[0];
    const distance = `${route(origin, best, CAR).distanceKm.toFixed(1)} km`;
    const plural = categoryById(data, a.category)!.plural.toLowerCase();
    const goal = (p: Place) => urlGoal(`Get the driving route from ${origin.name} to ${p.name} and note its distance`, queryPattern('/directions', directionsFields(origin, p, CAR)));
    return {
      template: 0,
      instantiation: { plural, origin: origin.name, a: a.name, b: b.name, c: c.name },
      startUrl: MAP,
      eval: { kind: 'string_match', answers: { must_include: [best.name, distance] }, raw: [a, b, c].map((p) => `${p.name}: ${route(origin, p, CAR).distanceKm.toFixed(1)} km`).join('; ') },
      oracle: [
        ...directionsSteps(origin, a, CAR),
        replaceIn('To', b.name), clickButton('Get directions'),
        replaceIn('To', c.name), clickButton('Get directions'),
        stop(`${best.name}, ${distance}`),
      ],
      subgoals: [goal(a), goal(b), goal(c)],
    };
  },
});
