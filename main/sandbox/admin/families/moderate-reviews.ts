// State change over a filtered grid (8–10 steps): approve or reject every pending review of a product.
// Oracle: Pending Reviews → product name → Search → for each review: open it → Approve/Reject (back to the
// remembered grid, where it has left the pending list).
import type { AdminData } from '../data';
import { adminPaths } from '../views/layout';
import {
  SHOPPING_ADMIN, adminUrl, bracketed, clickButton, clickLink, defineAdminFamily, formParamPattern, paramPattern, stateGoal, stop, typeInto,
  urlGoal,
} from './common';

interface Params {
  productId: number;
  approve: boolean;
}

/** Pending reviews of a product, as the grid lists them (newest id first). */
function pendingOf(data: AdminData, productId: number) {
  return data.reviews.filter((r) => r.productId === productId && r.status === 'Pending').sort((a, b) => b.id - a.id);
}

export const moderateReviews = defineAdminFamily<Params>({
  id: 'admin/moderate-reviews',
  kind: 'change',
  code: 208,
  description: 'Approve or reject all pending reviews of a product (pending reviews grid, each review).',
  templates: ['Approve all pending reviews of {{product}}.', 'Reject all pending reviews of {{product}}.'],
  enumerate(data) {
    const out: Params[] = [];
    for (const p of data.products) {
      const pending = pendingOf(data, p.id);
      // Titles must tell the reviews apart; names must not contain another product's name.
      if (pending.length < 2 || new Set(pending.map((r) => r.title)).size !== pending.length) continue;
      if (data.products.some((o) => o.id !== p.id && o.name.toLowerCase().includes(p.name.toLowerCase()))) continue;
      out.push({ productId: p.id, approve: true }, { productId: p.id, approve: false });
    }
    return out;
  },
  build(data, { productId, approve }) {
    const product = data.productById.get(productId)!;
    const reviews = pendingOf(data, productId);
    const status = approve ? 'Approved' : 'Not Approved';
    return {
      template: approve ? 0 : 1,
      instantiation: { product: product.name },
      startUrl: SHOPPING_ADMIN,
      eval: {
        kind: 'program_html',
        targets: [
          ...reviews.map((r) => ({ url: adminUrl(adminPaths.review(r.id)), locator: bracketed('#review-status'), required_contents: { must_include: [`[${status}]`] } })),
          // The newest pending review of another product stays pending: moderating the whole queue is collateral damage.
          ...data.reviews.filter((r) => r.productId !== productId && r.status === 'Pending').sort((a, b) => b.id - a.id).slice(0, 1)
            .map((r) => ({ url: adminUrl(adminPaths.review(r.id)), locator: bracketed('#review-status'), required_contents: { must_include: ['[Pending]'] } })),
        ],
      },
      oracle: [
        clickLink('Pending Reviews'), typeInto('Product Name', product.name), clickButton('Search'),
        ...reviews.flatMap((r) => [clickLink(r.title), clickButton(approve ? 'Approve' : 'Reject')]),
        stop(),
      ],
      subgoals: [
        urlGoal('Open the pending reviews', paramPattern('status', 'pending')),
        urlGoal(`Filter them by the product ${product.name}`, formParamPattern('q', product.name)),
        stateGoal(`${approve ? 'Approve' : 'Reject'} the review "${reviews[0].title}"`, 'admin.review_status', { reviews: [reviews[0].id], status }),
        stateGoal(`${approve ? 'Approve' : 'Reject'} all ${reviews.length} pending reviews`, 'admin.review_status', { reviews: reviews.map((r) => r.id), status }),
      ],
    };
  },
});
