// The registry of sandbox task families (docs/design/SANDBOX.md §3.1, §3.4).
//
// Split rule (every family): instances are the family's valid parameter combinations in a seeded order;
// instance `index` uses combination k = index mod count, and is TEST when k % 5 === 0, TRAIN otherwise
// (see shop/families/common.ts). The test split is therefore fixed by the dataset seed.
import { crossSiteFamilies } from './cross-site/index';
import { SITE_LIST } from './sites';
import type { SandboxTaskInstance, TaskFamily } from './types';

/** Every site's families in registry order (main/sandbox/sites.ts), then those that span two sites. */
export const SANDBOX_FAMILIES: TaskFamily[] = [...SITE_LIST.flatMap((s) => s.families), ...crossSiteFamilies];

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
