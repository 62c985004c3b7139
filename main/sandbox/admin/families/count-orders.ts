// Information seeking (6 steps): how many orders of a status were placed in a month or a date range.
// Oracle: Orders → Status → Purchased From/To → Search → read "N records found".
import { ORDER_STATUSES, monthName, type AdminData, type OrderStatus } from '../data';
import {
  SHOPPING_ADMIN, clickButton, clickLink, defineAdminFamily, lastDayOf, paramPattern, pathPattern, reportMonths, selectOption, stop,
  textGoal, typeInto, urlGoal,
} from './common';

interface Params {
  status: OrderStatus;
  from: string;
  to: string;
  monthly: boolean;
}

export function countOrders(data: AdminData, { status, from, to }: Params): number {
  return data.orders.filter((o) => o.status === status && o.date >= from && o.date <= to).length;
}

export const countOrdersFamily = defineAdminFamily<Params>({
  id: 'admin/count-orders',
  kind: 'info',
  code: 201,
  description: 'Count the orders of one status placed in a month or between two dates (orders grid filters).',
  templates: [
    'How many orders with status {{status}} were placed in {{month}} {{year}}?',
    'How many orders with status {{status}} were placed between {{from}} and {{to}} (both days included)?',
  ],
  enumerate(data) {
    const out: Params[] = [];
    for (const { label: status } of ORDER_STATUSES) {
      for (const ym of reportMonths()) {
        const month = { status, from: `${ym}-01`, to: lastDayOf(ym), monthly: true };
        if (countOrders(data, month) >= 2) out.push(month);
        const range = { status, from: `${ym}-08`, to: `${ym}-21`, monthly: false };
        if (countOrders(data, range) >= 1) out.push(range);
      }
    }
    return out;
  },
  build(data, params) {
    const n = countOrders(data, params);
    const key = ORDER_STATUSES.find((s) => s.label === params.status)!.key;
    const [year, month] = params.from.split('-').map(Number);
    return {
      template: params.monthly ? 0 : 1,
      instantiation: (params.monthly ? { status: params.status, month: monthName(month), year } : { status: params.status, from: params.from, to: params.to }) as Record<string, string | number>,
      startUrl: SHOPPING_ADMIN,
      eval: { kind: 'string_match', answers: { must_include: [String(n)] }, raw: String(n) },
      // The count under another status, or under any status (answer-screen.ts).
      wrongAnswers: [...ORDER_STATUSES.map((s) => String(countOrders(data, { ...params, status: s.label }))),
        String(data.orders.filter((o) => o.date >= params.from && o.date <= params.to).length)],
      oracle: [
        clickLink('Orders'), selectOption('Status', params.status), typeInto('Purchased From', params.from), typeInto('Purchased To', params.to),
        clickButton('Search'), stop(String(n)),
      ],
      subgoals: [
        urlGoal('Open the orders grid', pathPattern('/sales/order')),
        urlGoal(`Filter the orders by status ${params.status}`, paramPattern('status', key)),
        urlGoal(`Limit the purchase dates to ${params.from} – ${params.to}`, paramPattern('to', params.to)),
        textGoal(`Read the number of matching orders`, n === 1 ? '1 record found' : `${n} records found`),
      ],
    };
  },
});
