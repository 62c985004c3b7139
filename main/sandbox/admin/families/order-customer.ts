// Navigation carrying a value across pages (5–6 steps): from an order number to its customer's account page,
// or on to that customer's most recent order. Oracle: Orders → keyword search → the order → the customer
// name → (the newest order in the customer's order list).
import { adminPaths } from '../views/layout';
import { SHOPPING_ADMIN, adminUrl, clickLink, defineAdminFamily, escapeRegex, paramPattern, pathPattern, stop, typeInto, urlGoal } from './common';

interface Params {
  orderId: number;
  onward: boolean;
}

const exactPath = (path: string): string => `${escapeRegex(path)}([?#]|$)`;

/** The page heading (the customer's name, unique in the dataset, or "Order # <number>"). url_match's GOLD in
 * PRED is a substring test, so /customer/edit/7 also matches /customer/edit/71: the heading of the page the
 * agent ended on must be the target's too (docs/design/SANDBOX.md §3.1). */
const HEADING = "document.querySelector('h1').textContent";

export const orderCustomer = defineAdminFamily<Params>({
  id: 'admin/order-customer',
  kind: 'navigation',
  code: 203,
  description: "Open the account page of an order's customer, or that customer's most recent order (URL match).",
  templates: [
    'Open the account page of the customer who placed order #{{number}}.',
    'Open the most recent order of the customer who placed order #{{number}}.',
  ],
  enumerate(data) {
    const out: Params[] = [];
    for (const o of data.orders) {
      out.push({ orderId: o.id, onward: false });
      const newest = data.ordersByCustomer.get(o.customerId)![0];
      if (newest.id !== o.id) out.push({ orderId: o.id, onward: true });
    }
    return out;
  },
  build(data, { orderId, onward }) {
    const order = data.orderById.get(orderId)!;
    const customer = data.customerById.get(order.customerId)!;
    const newest = data.ordersByCustomer.get(customer.id)![0];
    const target = onward ? adminPaths.order(newest.id) : adminPaths.customer(customer.id);
    return {
      template: onward ? 1 : 0,
      instantiation: { number: order.number },
      startUrl: SHOPPING_ADMIN,
      eval: {
        kind: 'url_match', url: adminUrl(target),
        pageChecks: [{ url: 'last', locator: HEADING, required_contents: { exact_match: onward ? `Order # ${newest.number}` : customer.name } }],
      },
      oracle: [
        clickLink('Orders'), typeInto('Keyword', order.number, true), clickLink(order.number), clickLink(customer.name),
        ...(onward ? [clickLink(newest.number)] : []), stop(),
      ],
      subgoals: [
        urlGoal(`Search the orders for #${order.number}`, paramPattern('q', order.number)),
        urlGoal(`Open order #${order.number}`, exactPath(adminPaths.order(order.id))),
        urlGoal(`Open the page of its customer, ${customer.name}`, exactPath(adminPaths.customer(customer.id))),
        ...(onward ? [urlGoal(`Open ${customer.name}'s most recent order (#${newest.number})`, exactPath(adminPaths.order(newest.id)))] : []),
      ],
    };
  },
});
