// The admin site's entry for the sandbox's list of sites (main/sandbox/sites.ts): every site folder exports
// this one shape — its SiteModule and its task families (docs/design/SANDBOX.md §1, §3).
import type { SandboxSite } from '../site';
import type { AdminData } from './data';
import { ADMIN_FAMILIES } from './families/all';
import { adminSiteModule } from './site';
import type { AdminState } from './state';

export const site: SandboxSite<AdminData, AdminState> = { module: adminSiteModule, families: ADMIN_FAMILIES };
