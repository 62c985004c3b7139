import type { RawState } from '../../../main/training/model/features';

/** A hand-made shop state: the home page of an "open the Shoes category, sort by price" task. */
export function shopState(overrides: Partial<RawState> = {}): RawState {
  return {
    intent: 'Show me the Shoes products sorted by price from low to high.',
    values: [
      { key: 'category', text: 'Shoes' },
      { key: 'order', text: 'price from low to high' },
    ],
    subgoals: ['Open the Shoes category', 'Choose "Price: Low to High" in the Sort By menu', 'Apply the sort'],
    progress: [0, 0, 0],
    t: 0,
    nodes: [
      { id: '4', role: 'link', name: 'My Account' },
      { id: '9', role: 'textbox', name: 'Search' },
      { id: '10', role: 'button', name: 'Search' },
      { id: '16', role: 'link', name: 'Laptops' },
      { id: '30', role: 'link', name: 'Shoes' },
      { id: '375', role: 'combobox', name: 'Sort By', value: 'Position' },
    ],
    past: [],
    ...overrides,
  };
}
