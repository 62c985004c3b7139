// The registry of sandbox task families (docs/design/SANDBOX.md §3.1, §3.4).
//
// Split rule (every family): instances are the family's valid parameter combinations in a seeded order;
// instance `index` uses combination k = index mod count, and is TEST when k % 5 === 0, TRAIN otherwise
// (see shop/families/common.ts). The test split is therefore fixed by the dataset seed.
import { addToCart } from './shop/families/add-to-cart';
import { checkout } from './shop/families/checkout';
import { cheapestInCategory } from './shop/families/cheapest-in-category';
import { monthlySpend } from './shop/families/monthly-spend';
import { priceDifference } from './shop/families/price-difference';
import { reviewPurchase } from './shop/families/review-purchase';
import { sortedCategory } from './shop/families/sorted-category';
import { wishlistBestRated } from './shop/families/wishlist-best-rated';
import type { SandboxTaskInstance, TaskFamily } from './types';
import { adminFamilies } from './admin/index';
import { codeFamilies } from './code/index';
import { forumFamilies } from './forum/index';
import { mapFamilies } from './map/index';
import { crossSiteFamilies } from './cross-site/index';

export const SANDBOX_FAMILIES: TaskFamily[] = [
  cheapestInCategory,
  sortedCategory,
  addToCart,
  checkout,
  monthlySpend,
  wishlistBestRated,
  priceDifference,
  reviewPurchase,
  ...adminFamilies,
  ...forumFamilies,
  ...codeFamilies,
  ...mapFamilies,
  ...crossSiteFamilies,
];

export function findFamily(id: string): TaskFamily | undefined {
  return SANDBOX_FAMILIES.find((f) => f.id === id);
}

/** Instances 0..perFamily-1 of every family, capped at each family's number of distinct instances. */
export function instantiateAll(datasetSeed: number, perFamily: number): SandboxTaskInstance[] {
  return SANDBOX_FAMILIES.flatMap((family) => {
    const n = Math.min(perFamily, family.count ? family.count(datasetSeed) : perFamily);
    return Array.from({ length: n }, (_, index) => family.instantiate(datasetSeed, index));
  });
}
