// Cross-site state change (shop → forum): read a product's price in the shop and post it in a forum, e.g. a
// deal alert. The price must be carried from the product page into the post's body.
import { forumsByCategory } from '../forum/accessor';
import { formatMoney, getShopData } from '../shop/data';
import { pathPattern as shopPath } from '../shop/families/common';
import { clickLink, defineFamily, perSeed, postEval, postOnForumSteps, postOnForumSubgoals, search, stop, urlGoal } from './common';

interface Params {
  productId: number;
  forum: string;
}

// Deal posts belong in the forums about technology and lifestyle.
const DEAL_GROUPS = ['Technology', 'Lifestyle'];

const getData = perSeed((seed) => ({ shop: getShopData(seed), forums: forumsByCategory(seed).filter((f) => DEAL_GROUPS.includes(f.category)).map((f) => f.name) }));

export const productPricePost = defineFamily('shop', getData, {
  id: 'cross/product-price-post',
  kind: 'change',
  code: 603,
  alsoSites: ['forum'],
  description: 'Read a product\'s price in the shop, then post it in a forum (value carried across sites).',
  templates: ['Check the price of {{product}} in the shop and post a deal alert in the {{forum}} forum titled "{{title}}" whose body gives the price.'],
  enumerate: ({ shop, forums }): Params[] =>
    shop.products.filter((p) => p.id % 3 === 0).map((p, i) => ({ productId: p.id, forum: forums[i % forums.length] })),
  build({ shop }, { productId, forum }) {
    const product = shop.productById.get(productId)!;
    const price = formatMoney(product.price);
    const title = `Deal alert: ${product.name}`;
    const post = { forum, title, body: `${product.name} is ${price} at ${shop.storeName}.` };
    return {
      template: 0,
      instantiation: { product: product.name, forum, title },
      eval: postEval(post, [price]),
      oracle: [search(product.name), clickLink(product.name), ...postOnForumSteps(post), stop()],
      subgoals: [
        urlGoal(`Open the shop page of ${product.name} and note its price`, shopPath(`/product/${product.slug}`)),
        ...postOnForumSubgoals(post),
      ],
    };
  },
});
