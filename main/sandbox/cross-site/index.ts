// Task families that span two sandbox sites (SANDBOX.md "Tasks": e.g. find a place on the map, then post
// about it on the forum).
import type { TaskFamily } from '../types';

export const crossSiteFamilies: TaskFamily[] = [];
