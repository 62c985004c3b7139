// The shop's binding of the family kit (../../family-kit.ts): its dataset and URL prefix.
import { defineFamily, sitePathPattern, type FamilyBuild, type FamilySpec } from '../../family-kit';
import type { TaskFamily } from '../../types';
import { getShopData, type ShopData } from '../data';

export * from '../../family-kit';
export const SHOPPING = '__SHOPPING__';
export type ShopFamilyBuild = FamilyBuild;

export function defineShopFamily<P>(spec: FamilySpec<ShopData, P>): TaskFamily {
  return defineFamily('shop', getShopData, spec);
}

/** Regex for a shop path (after the prefix), ending there or at a query/fragment. */
export const pathPattern = (path: string): string => sitePathPattern('shop', path);
