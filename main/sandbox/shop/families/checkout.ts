// State change, long horizon (~15 steps): buy a product with options and ship it to a new address with a
// chosen shipping method; scored on the newest order's detail page.
import { itemLine, SHIPPING_METHODS } from '../state';
import { pick, randInt } from '../../../random/seeded-random';
import { CITIES, FULL_NAMES, STREETS } from '../vocab';
import { SHOPPING, clickButton, clickLink, clickRadio, defineShopFamily, pathPattern, stateGoal, stop, textGoal, typeInto, urlGoal } from './common';
import { addToCartSteps, productColorPairs } from './add-to-cart';

export const checkout = defineShopFamily<{ productId: number; color: string }>({
  id: 'shop/checkout',
  kind: 'change',
  code: 104,
  description: 'Buy a product with options and ship it to a new address with a given method (cart, checkout form, order page).',
  templates: [
    'Buy {{qty}} {{product}} in {{color}} and ship it to {{name}}, {{street}}, {{city}}, {{state}} {{zip}} with {{shipping}}.',
    'Buy {{qty}} {{product}} in {{color}}, size {{size}}, and ship it to {{name}}, {{street}}, {{city}}, {{state}} {{zip}} with {{shipping}}.',
  ],
  enumerate: productColorPairs,
  build(data, { productId, color }, rng) {
    const p = data.productById.get(productId)!;
    const size = p.sizes.length ? pick(rng, p.sizes) : null;
    const qty = randInt(rng, 1, 3);
    const place = pick(rng, CITIES);
    const address = { name: pick(rng, FULL_NAMES), street: `${randInt(rng, 10, 9899)} ${pick(rng, STREETS)}`, city: place.city, state: place.state, zip: place.zip };
    const method = pick(rng, SHIPPING_METHODS);
    const latest = `${SHOPPING}/account/orders/latest`;
    return {
      template: size ? 1 : 0,
      instantiation: { qty, product: p.name, color, ...(size ? { size } : {}), ...address, shipping: method.title },
      startUrl: SHOPPING,
      eval: {
        kind: 'program_html',
        targets: [
          { url: latest, locator: "document.querySelector('#order-items').outerText", required_contents: { must_include: [itemLine(p.name, color, size, qty)] } },
          // That line only: an order with extra products is collateral damage the line check alone accepts.
          { url: latest, locator: "[...document.querySelectorAll('#order-items li')].map((li) => '[' + li.textContent + ']').join(' ')", required_contents: { exact_match: `[${itemLine(p.name, color, size, qty)}]` } },
          { url: latest, locator: "document.querySelector('#shipping-address').outerText", required_contents: { must_include: [address.name, address.street, `${address.city}, ${address.state}, ${address.zip}`] } },
          { url: latest, locator: "document.querySelector('#shipping-method').outerText", required_contents: { must_include: [method.title] } },
        ],
      },
      oracle: [
        ...addToCartSteps(p, color, size, qty),
        clickLink('My Cart'),
        clickLink('Proceed to Checkout'),
        typeInto('Full Name', address.name),
        typeInto('Street Address', address.street),
        typeInto('City', address.city),
        typeInto('State/Province', address.state),
        typeInto('Zip/Postal Code', address.zip),
        clickRadio(method.label),
        clickButton('Place Order'),
        stop(),
      ],
      subgoals: [
        urlGoal(`Open the ${p.name} product page`, pathPattern(`/product/${p.slug}`)),
        textGoal('Add the product with the right options to the cart', `You added ${p.name} to your shopping cart.`),
        urlGoal('Go to the checkout', pathPattern('/checkout')),
        textGoal('Place the order', 'Thank you for your purchase!'),
        stateGoal('The new order ships the right item to the new address', 'shop.order_placed', { product: p.name, color, ...(size ? { size } : {}), qty, zip: address.zip }),
      ],
    };
  },
});
