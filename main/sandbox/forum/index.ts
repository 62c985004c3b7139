// The forum site's entry for the sandbox's list of sites (main/sandbox/sites.ts): every site folder exports
// this one shape — its SiteModule and its task families (docs/design/SANDBOX.md §1, §3).
import type { SandboxSite } from '../site';
import type { ForumData } from './data';
import { FORUM_FAMILIES } from './families/all';
import { forumSiteModule } from './site';
import type { ForumState } from './state';

export const site: SandboxSite<ForumData, ForumState> = { module: forumSiteModule, families: FORUM_FAMILIES };
