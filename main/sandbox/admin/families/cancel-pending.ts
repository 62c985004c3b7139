// State change over several records (9–15 steps): cancel every pending order of a customer. Oracle: All
// Customers → search → the customer → for each pending order: open it → Cancel → back to the customer.
import { adminPaths } from '../views/layout';
import { SHOPPING_ADMIN, adminUrl, bracketed, clickButton, clickLink, defineAdminFamily, formParamPattern, openCustomer, pathPattern, stateGoal, stop, urlGoal } from './common';
import type { AdminData } from '../data';

interface Params {
  customerId: number;
}

const pendingOf = (data: AdminData, id: number) => data.ordersByCustomer.get(id)!.filter((o) => o.status === 'Pending');

export const cancelPending = defineAdminFamily<Params>({
  id: 'admin/cancel-pending',
  kind: 'change',
  code: 206,
  description: 'Cancel all pending orders of a customer (customer page, each order, Cancel).',
  templates: ['Cancel all orders of {{customer}} that are still pending.'],
  enumerate: (data) => data.customers.filter((c) => [2, 3, 4].includes(pendingOf(data, c.id).length)).map((c) => ({ customerId: c.id })),
  build(data, { customerId }) {
    const c = data.customerById.get(customerId)!;
    const orders = pendingOf(data, customerId);
    return {
      template: 0,
      instantiation: { customer: c.name },
      startUrl: SHOPPING_ADMIN,
      eval: {
        kind: 'program_html',
        targets: [
          ...orders.map((o) => ({
            url: adminUrl(adminPaths.order(o.id)), locator: "document.querySelector('#order-status').textContent",
            required_contents: { must_include: ['Canceled'] },
          })),
          // The customer's processing orders (the other cancelable status) stay processing: canceling every
          // open order is collateral damage.
          ...data.ordersByCustomer.get(customerId)!.filter((o) => o.status === 'Processing').slice(0, 2).map((o) => ({
            url: adminUrl(adminPaths.order(o.id)), locator: bracketed('#order-status'), required_contents: { must_include: [`[${o.status}]`] },
          })),
        ],
      },
      oracle: [
        ...openCustomer(c),
        ...orders.flatMap((o, i) => [clickLink(o.number), clickButton('Cancel'), ...(i < orders.length - 1 ? [clickLink(c.name)] : [])]),
        stop(),
      ],
      subgoals: [
        urlGoal(`Search the customers for ${c.name}`, formParamPattern('q', c.name)),
        urlGoal(`Open ${c.name}'s page`, pathPattern(`/customer/edit/${c.id}`)),
        stateGoal(`Cancel the newest pending order #${orders[0].number}`, 'admin.order_status', { orders: [orders[0].id], status: 'Canceled' }),
        stateGoal(`Cancel all ${orders.length} pending orders`, 'admin.order_status', { orders: orders.map((o) => o.id), status: 'Canceled' }),
      ],
    };
  },
});
