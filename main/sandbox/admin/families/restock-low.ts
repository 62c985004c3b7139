// State change with filtering, sorting and several edits (12–21 steps): set the stock of a category's n
// lowest-stock products. Oracle: Products → Category → Search → sort by Quantity → for each product: open
// it → Quantity → Save → Back to the (remembered) grid.
import { pick } from '../../../random/seeded-random';
import type { AdminData } from '../data';
import { adminPaths } from '../views/layout';
import { replaceIn } from '../../family-kit';
import {
  SHOPPING_ADMIN, adminUrl, clickButton, clickLink, defineAdminFamily, paramPattern, selectOption, stateGoal, stop, urlGoal,
} from './common';

interface Params {
  category: string;
  n: number;
  /** Only enabled products count (one more filter). */
  enabled: boolean;
}

/** The category's n lowest-stock products, when the n-th is strictly below the next (a well-defined set). */
function lowest(data: AdminData, params: Params) {
  const list = ranked(data, params);
  return list.length > params.n && list[params.n - 1].qty < list[params.n].qty ? list.slice(0, params.n) : undefined;
}

function ranked(data: AdminData, { category, enabled }: Params) {
  return data.products.filter((p) => p.categorySlug === category && (!enabled || p.status === 'Enabled')).sort((a, b) => a.qty - b.qty || a.id - b.id);
}

const QTY_LOCATOR = "document.querySelector('#qty').value.replace(/^([^]*)$/, 'qty=$1;')";

export const restockLow = defineAdminFamily<Params>({
  id: 'admin/restock-low',
  kind: 'change',
  code: 207,
  description: "Set the quantity of a category's n lowest-stock products (filter, sort by quantity, edit each).",
  templates: [
    'Restock the {{n}} {{category}} products with the lowest quantity: set each of them to {{qty}} units.',
    'Restock the {{n}} enabled {{category}} products with the lowest quantity: set each of them to {{qty}} units.',
  ],
  enumerate: (data) => data.categories.flatMap((c) => [2, 3, 4].flatMap((n) => [false, true].map((enabled) => ({ category: c.slug, n, enabled }))))
    .filter((p) => lowest(data, p)),
  build(data, params, rng) {
    const { category, n, enabled } = params;
    const products = lowest(data, params)!;
    const next = ranked(data, params)[n];
    const name = data.categories.find((c) => c.slug === category)!.name;
    const qty = pick(rng, [120, 150, 175, 200, 250, 300]);
    return {
      template: enabled ? 1 : 0,
      instantiation: { n, category: name, qty },
      startUrl: SHOPPING_ADMIN,
      eval: {
        kind: 'program_html',
        targets: [
          ...products.map((p) => ({ url: adminUrl(adminPaths.product(p.id)), locator: QTY_LOCATOR, required_contents: { must_include: [`qty=${qty};`] } })),
          // The runner-up keeps its stock: restocking more products than asked is collateral damage.
          { url: adminUrl(adminPaths.product(next.id)), locator: QTY_LOCATOR, required_contents: { must_include: [`qty=${next.qty};`] } },
        ],
      },
      oracle: [
        clickLink('Products'), selectOption('Category', name), ...(enabled ? [selectOption('Status', 'Enabled')] : []), clickButton('Search'), clickLink('Quantity'),
        ...products.flatMap((p, i) => [clickLink(p.name), replaceIn('Quantity', String(qty), 'word'), clickButton('Save'), ...(i < n - 1 ? [clickLink('Back')] : [])]),
        stop(),
      ],
      subgoals: [
        urlGoal(`Filter the products by the ${name} category`, paramPattern('category', category)),
        urlGoal('Sort the products by quantity', paramPattern('sort', 'qty')),
        stateGoal(`Set ${products[0].name} to ${qty} units`, 'admin.product_saved', { products: [products[0].id], qty }),
        stateGoal(`Set all ${n} products to ${qty} units`, 'admin.product_saved', { products: products.map((p) => p.id), qty }),
      ],
    };
  },
});
