// State change across pages (8 steps): put a customer's most recent pending or processing order on hold and
// leave a comment. Oracle: All Customers → search → the customer → the order → Hold → Comment → Submit.
import { pick, randInt } from '../../../random/seeded-random';
import type { AdminData, OrderStatus } from '../data';
import { adminPaths } from '../views/layout';
import { TASK_COMMENTS } from '../vocab';
import {
  SHOPPING_ADMIN, adminUrl, clickButton, clickLink, defineAdminFamily, openCustomer, pathPattern, stateGoal, stop, typeInto, urlGoal,
} from './common';

interface Params {
  customerId: number;
  status: Extract<OrderStatus, 'Pending' | 'Processing'>;
}

const newestWith = (data: AdminData, customerId: number, status: OrderStatus) => data.ordersByCustomer.get(customerId)!.find((o) => o.status === status);

export const holdWithComment = defineAdminFamily<Params>({
  id: 'admin/hold-with-comment',
  kind: 'change',
  code: 209,
  description: "Put a customer's most recent pending or processing order on hold, with a comment (customer page → order).",
  templates: ['Put the most recent {{status}} order of {{customer}} on hold and add the comment "{{comment}}" to it.'],
  enumerate: (data) => data.customers.flatMap((c) => (['Pending', 'Processing'] as const).filter((s) => newestWith(data, c.id, s)).map((status) => ({ customerId: c.id, status }))),
  build(data, { customerId, status }, rng) {
    const c = data.customerById.get(customerId)!;
    const order = newestWith(data, customerId, status)!;
    const comment = `${pick(rng, TASK_COMMENTS)} (ref ${randInt(rng, 100, 999)})`;
    return {
      template: 0,
      instantiation: { status: status.toLowerCase(), customer: c.name, comment },
      startUrl: SHOPPING_ADMIN,
      eval: {
        kind: 'program_html',
        targets: [{
          url: adminUrl(adminPaths.order(order.id)),
          locator: "document.querySelector('#order-status').textContent + ' | ' + document.querySelector('#history').textContent",
          required_contents: { must_include: ['On Hold', comment] },
        }],
      },
      oracle: [...openCustomer(c), clickLink(order.number), clickButton('Hold'), typeInto('Comment', comment), clickButton('Submit Comment'), stop()],
      subgoals: [
        urlGoal(`Open ${c.name}'s page`, pathPattern(`/customer/edit/${c.id}`)),
        urlGoal(`Open their most recent ${status.toLowerCase()} order #${order.number}`, pathPattern(`/sales/order/view/${order.id}`)),
        stateGoal('Put the order on hold', 'admin.order_status', { orders: [order.id], status: 'On Hold' }),
        stateGoal('Add the comment to the order', 'admin.order_comment', { order: order.id, text: comment }),
      ],
    };
  },
});
