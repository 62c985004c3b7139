// Information seeking over the paged order history: total spent in a month, or the month's largest order,
// leaving out canceled orders. Oracle: My Account → My Orders → Next as far as the month goes → answer.
import { formatDate, formatMoney, monthName, type Order, type ShopData } from '../data';
import { SHOPPING, defineShopFamily, pathPattern, stop, textGoal, urlGoal } from './common';
import { lastPageForMonth, openOrdersPage, ordersInMonth, yearMonths } from './orders';

interface Params {
  yearMonth: string;
  kind: 'sum' | 'max';
}

export function countedOrders(data: ShopData, yearMonth: string): Order[] {
  return ordersInMonth(data, yearMonth).filter((o) => o.status !== 'Canceled');
}

const sumOf = (orders: Order[]): number => orders.reduce((s, o) => s + o.total, 0);
const maxOf = (orders: Order[]): number => Math.max(...orders.map((o) => o.total));

export const monthlySpend = defineShopFamily<Params>({
  id: 'shop/monthly-spend',
  kind: 'info',
  code: 105,
  description: 'Total spent in a month, or the largest order of a month, from the paged order history (canceled orders excluded).',
  templates: [
    'How much did I spend on orders placed in {{month}} {{year}}? Do not count canceled orders.',
    'Not counting canceled orders, what was the total of my most expensive order placed in {{month}} {{year}}?',
  ],
  enumerate(data) {
    const out: Params[] = [];
    for (const ym of yearMonths(data)) {
      const counted = countedOrders(data, ym);
      if (counted.length >= 1) out.push({ yearMonth: ym, kind: 'sum' });
      const totals = counted.map((o) => o.total).sort((a, b) => b - a);
      if (totals.length >= 2 && totals[0] !== totals[1]) out.push({ yearMonth: ym, kind: 'max' });
    }
    return out;
  },
  build(data, { yearMonth, kind }) {
    const [year, month] = yearMonth.split('-').map(Number);
    const counted = countedOrders(data, yearMonth);
    const value = kind === 'sum' ? sumOf(counted) : maxOf(counted);
    const answer = formatMoney(value);
    const all = ordersInMonth(data, yearMonth);
    const newest = all[all.length - 1];
    const oldest = all[0];
    const label = `${monthName(month)} ${year}`;
    return {
      template: kind === 'sum' ? 0 : 1,
      instantiation: { month: monthName(month), year },
      startUrl: SHOPPING,
      eval: { kind: 'string_match', answers: { must_include: [answer.slice(1)] }, raw: answer },
      // The other question about the month, and both counting canceled orders (answer-screen.ts).
      wrongAnswers: [sumOf(counted), maxOf(counted), sumOf(all), maxOf(all)].map((v) => formatMoney(v).slice(1)),
      oracle: [...openOrdersPage(lastPageForMonth(data, yearMonth)), stop(answer)],
      subgoals: [
        urlGoal('Open My Account', pathPattern('/account')),
        urlGoal('Open the order history (My Orders)', pathPattern('/account/orders')),
        textGoal(`Find the most recent order placed in ${label}`, formatDate(newest.date)),
        ...(oldest.date === newest.date ? [] : [textGoal(`Find the earliest order placed in ${label}`, formatDate(oldest.date))]),
      ],
    };
  },
});
