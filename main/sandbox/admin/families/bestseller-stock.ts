// Information seeking that carries a value from a report to the catalog (8 steps): the stock, price or weight of
// a month's best-selling product. Oracle: Bestsellers → Month → Year → Show Report → (remember the top
// product) → Products → keyword search → the product's page → answer.
import { money, monthName, type AdminData } from '../data';
import { bestsellers } from '../model';
import { adminPaths } from '../views/layout';
import {
  SHOPPING_ADMIN, allOf, clickButton, clickLink, defineAdminFamily, escapeRegex, formParamPattern, paramPattern, reportMonths, selectOption, stop,
  typeInto, urlGoal,
} from './common';

interface Params {
  month: string;
  ask: 'qty' | 'price' | 'weight';
}

function topSeller(data: AdminData, month: string) {
  const rows = bestsellers(data.orders, month);
  return rows.length >= 2 && rows[0].qty > rows[1].qty ? rows[0] : undefined;
}

export const bestsellerStock = defineAdminFamily<Params>({
  id: 'admin/bestseller-stock',
  kind: 'info',
  code: 205,
  description: "Stock or price of a month's best-selling product (bestsellers report, then the product in the catalog).",
  templates: [
    'How many units of the best-selling product of {{month}} {{year}} are in stock right now?',
    'What is the current price of the best-selling product of {{month}} {{year}}?',
    'How much does the best-selling product of {{month}} {{year}} weigh, in pounds?',
  ],
  enumerate: (data) => reportMonths().filter((m) => topSeller(data, m)).flatMap((month) => (['qty', 'price', 'weight'] as const).map((ask) => ({ month, ask }))),
  build(data, { month, ask }) {
    const top = topSeller(data, month)!;
    const product = data.productById.get(top.productId)!;
    const [year, m] = month.split('-').map(Number);
    const answer = ask === 'qty' ? String(product.qty) : ask === 'price' ? money(product.price) : `${product.weight} lbs`;
    return {
      template: ['qty', 'price', 'weight'].indexOf(ask),
      instantiation: { month: monthName(m), year },
      startUrl: SHOPPING_ADMIN,
      eval: { kind: 'string_match', answers: { must_include: [ask === 'qty' ? answer : ask === 'price' ? answer.slice(1) : String(product.weight)] }, raw: answer },
      // The product's other figures, and the units sold that month from the report (answer-screen.ts).
      wrongAnswers: [String(product.qty), money(product.price).slice(1), String(product.weight), String(top.qty)],
      oracle: [
        clickLink('Bestsellers'), selectOption('Month', monthName(m)), selectOption('Year', String(year)), clickButton('Show Report'),
        clickLink('Products'), typeInto('Keyword', product.name, true), clickLink(product.name), stop(answer),
      ],
      subgoals: [
        urlGoal(`Show the bestsellers of ${monthName(m)} ${year}`, allOf(paramPattern('month', m), paramPattern('year', year))),
        urlGoal(`Search the products for the top seller, ${product.name}`, formParamPattern('q', product.name)),
        urlGoal(`Open the page of ${product.name}`, `${escapeRegex(adminPaths.product(product.id))}([?#]|$)`),
      ],
    };
  },
});
