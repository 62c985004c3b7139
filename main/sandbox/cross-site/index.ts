// Task families that span two sandbox sites (docs/design/SANDBOX.md §3.1: e.g. find a place on the map, then post
// about it on the forum). Each family's `site` is where it starts; `alsoSites` lists the others.
import type { TaskFamily } from '../types';
import { nearestPlacePost } from './nearest-place-post';
import { placeAddressPost } from './place-address-post';
import { productPricePost } from './product-price-post';

export const crossSiteFamilies: TaskFamily[] = [placeAddressPost, nearestPlacePost, productPricePost];
