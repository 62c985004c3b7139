// Navigation (5–6 steps): the orders of a status, sorted by a column in a direction; scored by URL.
// Oracle: Orders → Status → Search → click the column header once (ascending) or twice (descending).
import { ORDER_STATUSES, type OrderStatus } from '../data';
import { ORDER_GRID, gridHref } from '../model';
import { SHOPPING_ADMIN, adminUrl, allOf, clickButton, clickLink, defineAdminFamily, paramPattern, pathPattern, selectOption, stop, urlGoal } from './common';

interface Params {
  status: OrderStatus;
  sort: 'total' | 'customer' | 'date';
  dir: 'asc' | 'desc';
}

const VARIANTS: Array<{ sort: Params['sort']; dir: Params['dir']; header: string; template: number; order?: string }> = [
  { sort: 'total', dir: 'desc', header: 'Grand Total', template: 0, order: 'highest first' },
  { sort: 'total', dir: 'asc', header: 'Grand Total', template: 0, order: 'lowest first' },
  { sort: 'customer', dir: 'asc', header: 'Bill-to Name', template: 1, order: 'A to Z' },
  { sort: 'customer', dir: 'desc', header: 'Bill-to Name', template: 1, order: 'Z to A' },
  { sort: 'date', dir: 'asc', header: 'Purchase Date', template: 2 },
];

export const sortedOrders = defineAdminFamily<Params>({
  id: 'admin/sorted-orders',
  kind: 'navigation',
  code: 202,
  description: 'Open the orders grid filtered by a status and sorted by grand total, customer name or date (URL match).',
  templates: [
    'Show me the orders with status {{status}} sorted by grand total, {{order}}.',
    'Show me the orders with status {{status}} sorted by the bill-to name, {{order}}.',
    'Show me the orders with status {{status}}, oldest first.',
  ],
  enumerate: () => ORDER_STATUSES.flatMap((s) => VARIANTS.map((v) => ({ status: s.label as OrderStatus, sort: v.sort, dir: v.dir }))),
  build(_data, { status, sort, dir }) {
    const v = VARIANTS.find((x) => x.sort === sort && x.dir === dir)!;
    const key = ORDER_STATUSES.find((s) => s.label === status)!.key;
    const url = gridHref(ORDER_GRID, { filters: { status: key }, sort, dir, page: 1 });
    // The default sort is date descending, so one click on Purchase Date gives ascending; other columns
    // start ascending and flip on the second click.
    const clicks = sort === 'date' || dir === 'asc' ? 1 : 2;
    return {
      template: v.template,
      instantiation: (v.order ? { status, order: v.order } : { status }) as Record<string, string | number>,
      startUrl: SHOPPING_ADMIN,
      eval: { kind: 'url_match', url: adminUrl(url) },
      oracle: [clickLink('Orders'), selectOption('Status', status), clickButton('Search'), ...Array.from({ length: clicks }, () => clickLink(v.header)), stop()],
      subgoals: [
        urlGoal('Open the orders grid', pathPattern('/sales/order')),
        urlGoal(`Filter the orders by status ${status}`, paramPattern('status', key)),
        urlGoal(`Sort by ${v.header}`, paramPattern('sort', sort)),
        urlGoal(`Sort ${dir === 'asc' ? 'ascending' : 'descending'}`, allOf(paramPattern('sort', sort), paramPattern('dir', dir))),
      ],
    };
  },
});
