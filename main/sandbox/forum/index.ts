// The forum site's entry point for the sandbox registry: its SiteModule and its task families.
// See docs/design/SANDBOX.md §1, §3. Cross-site helpers live in ./accessor.
import type { TaskFamily } from '../types';
import { FORUM_FAMILIES } from './families/all';

export { forumSite } from './site';
export * from './accessor';
export const forumFamilies: TaskFamily[] = FORUM_FAMILIES;
