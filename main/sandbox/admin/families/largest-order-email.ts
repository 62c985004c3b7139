// Information seeking with filter, sort and a record (8 steps): the email of the customer behind the
// largest order of a week. Oracle: Orders → Purchased From/To → Search → Grand Total twice (descending) →
// the top order → read the email.
import { dayOf, isoDate, type AdminData } from '../data';
import { adminPaths } from '../views/layout';
import {
  SHOPPING_ADMIN, allOf, clickButton, clickLink, defineAdminFamily, paramPattern, pathPattern, stop, textGoal, typeInto, urlGoal,
} from './common';

interface Params {
  from: string;
  to: string;
}

function largest(data: AdminData, { from, to }: Params) {
  const list = data.orders.filter((o) => o.date >= from && o.date <= to).sort((a, b) => b.total - a.total);
  return list.length >= 3 && list[0].total > list[1].total ? list[0] : undefined;
}

export const largestOrderEmail = defineAdminFamily<Params>({
  id: 'admin/largest-order-email',
  kind: 'info',
  code: 211,
  description: 'Email of the customer who placed the largest order between two dates (filter, sort, open the order).',
  templates: ['What is the email address of the customer who placed the order with the highest grand total between {{from}} and {{to}}?'],
  enumerate(data) {
    const out: Params[] = [];
    for (let d = dayOf('2022-01-03'); d + 6 < dayOf('2024-02-15'); d += 7) {
      const p = { from: isoDate(d), to: isoDate(d + 6) };
      if (largest(data, p)) out.push(p);
    }
    return out;
  },
  build(data, p) {
    const order = largest(data, p)!;
    const email = data.customerById.get(order.customerId)!.email;
    return {
      template: 0,
      instantiation: { from: p.from, to: p.to },
      startUrl: SHOPPING_ADMIN,
      eval: { kind: 'string_match', answers: { must_include: [email] }, raw: email },
      oracle: [
        clickLink('Orders'), typeInto('Purchased From', p.from), typeInto('Purchased To', p.to), clickButton('Search'),
        clickLink('Grand Total'), clickLink('Grand Total'), clickLink(order.number), stop(email),
      ],
      subgoals: [
        urlGoal(`Limit the orders to ${p.from} – ${p.to}`, paramPattern('from', p.from)),
        urlGoal('Sort them by grand total, highest first', allOf(paramPattern('sort', 'total'), paramPattern('dir', 'desc'))),
        urlGoal(`Open the largest order, #${order.number}`, pathPattern(`/sales/order/view/${order.id}`)),
        textGoal('Read the customer email', email),
      ],
    };
  },
});
