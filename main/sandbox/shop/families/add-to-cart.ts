// State change: add a quantity of a product with given options to the cart; scored on the cart page.
import { itemLine } from '../state';
import { pick, randInt } from '../../../random/seeded-random';
import type { Product, ShopData } from '../data';
import type { OracleStep } from '../../types';
import { SHOPPING, clickButton, clickLink, defineShopFamily, pathPattern, search, selectOption, stateGoal, stop, textGoal, typeInto, urlGoal } from './common';

interface Params {
  productId: number;
  color: string;
}

/** Every (product, color) pair. */
export function productColorPairs(data: ShopData): Params[] {
  return data.products.flatMap((p) => p.colors.map((color) => ({ productId: p.id, color })));
}

/** Search for the product, open it, choose the options and quantity, add to cart. */
export function addToCartSteps(p: Product, color: string, size: string | null, qty: number): OracleStep[] {
  return [
    search(p.name),
    clickLink(p.name),
    selectOption('Color', color),
    ...(size ? [selectOption('Size', size)] : []),
    typeInto('Qty', String(qty)),
    clickButton('Add to Cart'),
  ];
}

export const CART_LOCATOR = "document.querySelector('#cart-summary').outerText";

export const addToCart = defineShopFamily<Params>({
  id: 'shop/add-to-cart',
  kind: 'change',
  code: 103,
  description: 'Add a quantity of a named product in a given color (and size) to the cart (program_html on the cart).',
  templates: [
    'Add {{qty}} {{product}} in {{color}} to my cart.',
    'Add {{qty}} {{product}} in {{color}}, size {{size}}, to my cart.',
  ],
  enumerate: productColorPairs,
  build(data, { productId, color }, rng) {
    const p = data.productById.get(productId)!;
    const size = p.sizes.length ? pick(rng, p.sizes) : null;
    const qty = randInt(rng, 1, 4);
    const instantiation: Record<string, string | number> = { qty, product: p.name, color };
    if (size) instantiation.size = size;
    return {
      template: size ? 1 : 0,
      instantiation,
      startUrl: SHOPPING,
      eval: {
        kind: 'program_html',
        // The cart starts empty, so its item count pins it: extra products (or a larger quantity in another
        // line) are collateral damage the line check alone accepts.
        targets: [{ url: `${SHOPPING}/cart`, locator: CART_LOCATOR, required_contents: { must_include: [itemLine(p.name, color, size, qty), `Items: ${qty} ·`] } }],
      },
      oracle: [...addToCartSteps(p, color, size, qty), stop()],
      subgoals: [
        urlGoal(`Search the store for ${p.name}`, pathPattern('/search')),
        urlGoal(`Open the ${p.name} product page`, pathPattern(`/product/${p.slug}`)),
        textGoal(`Add it to the cart`, `You added ${p.name} to your shopping cart.`),
        stateGoal(`The cart holds ${qty} in ${color}${size ? `, size ${size}` : ''}`, 'shop.cart_contains', { product: p.name, color, ...(size ? { size } : {}), qty }),
      ],
    };
  },
});
