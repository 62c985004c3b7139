// State change over a filtered grid (11–14 steps): move every customer of a group in a city to another
// group. Oracle: All Customers → Group → City → Search → for each customer: open → Group → Save Customer
// (which returns to the remembered grid, where the customer has left the filtered list).
import { GROUPS, type AdminData, type CustomerGroup } from '../data';
import { statusSlug } from '../model';
import { adminPaths } from '../views/layout';
import { CITIES } from '../vocab';
import {
  SHOPPING_ADMIN, adminUrl, allOf, bracketed, clickButton, clickLink, defineAdminFamily, formParamPattern, paramPattern, selectOption, stateGoal,
  stop, urlGoal,
} from './common';

interface Params {
  city: string;
  from: CustomerGroup;
  to: CustomerGroup;
}

/** Matching customers as the grid lists them (by id). */
const matching = (data: AdminData, city: string, group: CustomerGroup) => data.customers.filter((c) => c.city === city && c.group === group);

/** Near-miss customers who must keep their group: one of the same group in another city and one of the same
 * city in a third group, so moving the whole group or the whole city fails (collateral damage). */
function bystanders(data: AdminData, city: string, from: CustomerGroup, to: CustomerGroup) {
  return [
    data.customers.find((c) => c.group === from && c.city !== city),
    data.customers.find((c) => c.city === city && c.group !== from && c.group !== to),
  ].filter((c) => c !== undefined);
}

export const customerGroup = defineAdminFamily<Params>({
  id: 'admin/customer-group',
  kind: 'change',
  code: 210,
  description: 'Move every customer of one group in a city to another group (customers grid filters, each customer page).',
  templates: ['Move every customer in the {{from}} group who lives in {{city}} to the {{to}} group.'],
  enumerate(data) {
    const out: Params[] = [];
    for (const { city } of CITIES) {
      for (const from of GROUPS) {
        if (![2, 3].includes(matching(data, city, from).length)) continue;
        for (const to of GROUPS) if (to !== from) out.push({ city, from, to });
      }
    }
    return out;
  },
  build(data, { city, from, to }) {
    const customers = matching(data, city, from);
    return {
      template: 0,
      instantiation: { from, city, to },
      startUrl: SHOPPING_ADMIN,
      eval: {
        kind: 'program_html',
        targets: [
          ...customers.map((c) => ({ url: adminUrl(adminPaths.customer(c.id)), locator: bracketed('#customer-group'), required_contents: { must_include: [`[${to}]`] } })),
          ...bystanders(data, city, from, to).map((c) => ({ url: adminUrl(adminPaths.customer(c.id)), locator: bracketed('#customer-group'), required_contents: { must_include: [`[${c.group}]`] } })),
        ],
      },
      oracle: [
        clickLink('All Customers'), selectOption('Group', from), selectOption('City', city), clickButton('Search'),
        ...customers.flatMap((c) => [clickLink(c.name), selectOption('Group', to), clickButton('Save Customer')]),
        stop(),
      ],
      subgoals: [
        urlGoal(`Filter the customers by ${city} and the ${from} group`, allOf(paramPattern('group', statusSlug(from)), formParamPattern('city', city))),
        urlGoal(`Open ${customers[0].name}'s page`, `${adminPaths.customer(customers[0].id)}([?#]|$)`),
        stateGoal(`Move ${customers[0].name} to ${to}`, 'admin.customer_group', { customers: [customers[0].id], group: to }),
        stateGoal(`Move all ${customers.length} customers to ${to}`, 'admin.customer_group', { customers: customers.map((c) => c.id), group: to }),
      ],
    };
  },
});
