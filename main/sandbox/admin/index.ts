// The admin site's entry point for the sandbox registry: its SiteModule and its task families.
// See docs/design/SANDBOX.md §1, §3.
import type { SiteModule } from '../site';
import type { TaskFamily } from '../types';
import type { AdminData } from './data';
import { ADMIN_FAMILIES } from './families/all';
import { adminSiteModule } from './site';
import type { AdminState } from './state';

export const adminSite: SiteModule<AdminData, AdminState> | null = adminSiteModule;
export const adminFamilies: TaskFamily[] = ADMIN_FAMILIES;
