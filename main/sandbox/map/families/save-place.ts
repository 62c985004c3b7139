// State change: save a named place to one of the user's lists; scored on the saved-places page.
import type { MapData, Place } from '../data';
import { savedLine } from '../state';
import { SAVED_LISTS } from '../vocab';
import type { EvalSpec } from '../../config';
import { MAP, clickButton, defineMapFamily, formParamPattern, initiallySaved, openPlaceSteps, pathPattern, selectOption, stateGoal, stop, urlGoal } from './common';

/** program_html: the saved-places page lists the place in the list. */
export function savedEval(p: Place, list: string): EvalSpec {
  return {
    kind: 'program_html',
    targets: [{ url: `${MAP}/saved`, locator: "document.querySelector('#saved-places').outerText", required_contents: { must_include: [savedLine(p.name, list)] } }],
  };
}

/** On a place page: choose the list and save. */
export const saveSteps = (list: string) => [selectOption('List', list), clickButton('Save place')];

export const savePlaceFamily = defineMapFamily<{ placeId: number; list: number }>({
  id: 'map/save-place',
  kind: 'change',
  code: 507,
  description: 'Save a named place to a saved-places list (search, place page, save form).',
  templates: ['Save {{place}} in {{city}} to my "{{list}}" list.', 'Bookmark {{place}} ({{city}}) in my saved places under "{{list}}".'],
  enumerate: (data: MapData) => data.places.filter((p) => !initiallySaved(data, p)).map((p) => ({ placeId: p.id, list: p.id % SAVED_LISTS.length })),
  build(data, { placeId, list: listIndex }, rng) {
    const p = data.placeById.get(placeId)!;
    const list = SAVED_LISTS[listIndex];
    return {
      template: rng() < 0.5 ? 0 : 1,
      instantiation: { place: p.name, city: p.city, list },
      startUrl: MAP,
      eval: savedEval(p, list),
      oracle: [...openPlaceSteps(p), ...saveSteps(list), stop()],
      subgoals: [
        urlGoal(`Search the map for ${p.name}`, formParamPattern('q', p.name)),
        urlGoal(`Open the page of ${p.name}`, pathPattern(`/place/${p.slug}`)),
        stateGoal(`Save it to "${list}"`, 'map.saved_contains', { place: p.name, list }),
      ],
    };
  },
});
