// State change with cross-page memory (~11+ steps): find which product of a category was bought in a
// month (order history → order page), then write a review of it with the given rating and texts.
import { pick } from '../../../random/seeded-random';
import { categoryBySlug, monthName, type ShopData } from '../data';
import { REVIEW_BODIES, REVIEW_TITLES } from '../vocab';
import { starLabel } from '../views/product';
import { SHOPPING, clickButton, clickLink, clickRadio, defineShopFamily, pathPattern, stateGoal, stop, textGoal, typeInto, urlGoal } from './common';
import { historyNewestFirst, openOrdersPage, ordersInMonth, pageOfPosition, yearMonths } from './orders';

interface Params {
  orderNumber: string;
  productId: number;
}

const NICKNAMES = ['EmmaL', 'emma_lopez', 'Emma L.', 'lopez_e', 'EmmaShops', 'happy_buyer_em'];

/** (order, line) pairs that are the only item of their category bought in their month. */
export function uniquePurchases(data: ShopData): Array<Params & { category: string; yearMonth: string }> {
  const out: Array<Params & { category: string; yearMonth: string }> = [];
  for (const ym of yearMonths(data)) {
    const lines = ordersInMonth(data, ym).flatMap((o) => o.lines.map((l) => ({ order: o, line: l, category: data.productById.get(l.productId)!.category })));
    for (const entry of lines) {
      if (lines.filter((x) => x.category === entry.category).length !== 1) continue;
      out.push({ orderNumber: entry.order.number, productId: entry.line.productId, category: entry.category, yearMonth: ym });
    }
  }
  return out;
}

export const reviewPurchase = defineShopFamily<Params>({
  id: 'shop/review-purchase',
  kind: 'change',
  code: 108,
  description: 'Identify a purchased product from the order history, then review it with given stars, nickname, summary and text.',
  templates: [
    'I bought a product from the {{category}} category in {{month}} {{year}}. Write a {{stars}}-star review of it with the nickname "{{nickname}}", the summary "{{summary}}" and the review text "{{text}}".',
  ],
  enumerate: (data) => uniquePurchases(data).map(({ orderNumber, productId }) => ({ orderNumber, productId })),
  build(data, { orderNumber, productId }, rng) {
    const p = data.productById.get(productId)!;
    const history = historyNewestFirst(data);
    const position = history.findIndex((o) => o.number === orderNumber);
    const order = history[position];
    const line = order.lines.find((l) => l.productId === productId)!;
    const [year, month] = order.date.split('-').map(Number);
    const stars = 1 + Math.floor(rng() * 5);
    const nickname = pick(rng, NICKNAMES);
    const summary = pick(rng, REVIEW_TITLES[stars]);
    const text = pick(rng, REVIEW_BODIES[stars]).replace('{noun}', p.noun.toLowerCase()).replace('{color}', line.color.toLowerCase());
    return {
      template: 0,
      instantiation: { category: categoryBySlug(data, p.category)!.name, month: monthName(month), year, stars, nickname, summary, text },
      startUrl: SHOPPING,
      eval: {
        kind: 'program_html',
        targets: [{
          url: `${SHOPPING}/account/reviews`,
          locator: "document.querySelector('#my-reviews').outerText",
          required_contents: { must_include: [p.name, `Rating: ${starLabel(stars)}`, `Summary: ${summary}`, `Nickname: ${nickname}`, `Review: ${text}`] },
        }],
      },
      oracle: [
        ...openOrdersPage(pageOfPosition(position)),
        clickLink(`View Order ${order.number}`),
        clickLink(p.name),
        clickRadio(starLabel(stars)),
        typeInto('Nickname', nickname),
        typeInto('Summary', summary),
        typeInto('Review', text),
        clickButton('Submit Review'),
        stop(),
      ],
      subgoals: [
        urlGoal('Open the order history (My Orders)', pathPattern('/account/orders')),
        urlGoal(`Open order #${order.number} from ${monthName(month)} ${year}`, pathPattern(`/account/orders/${order.number}`)),
        urlGoal(`Open the page of the purchased product (${p.name})`, pathPattern(`/product/${p.slug}`)),
        textGoal('Submit the review', 'You submitted your review for moderation.'),
        stateGoal(`A ${stars}-star review of ${p.name} is pending`, 'shop.review_submitted', { product: p.name, stars }),
      ],
    };
  },
});
