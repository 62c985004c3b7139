// The shop site's entry for the sandbox's list of sites (main/sandbox/sites.ts): every site folder exports
// this one shape — its SiteModule and its task families (docs/design/SANDBOX.md §1, §3).
import type { SandboxSite } from '../site';
import type { ShopData } from './data';
import { SHOP_FAMILIES } from './families/all';
import { shopSiteModule } from './site';
import type { ShopState } from './state';

export const site: SandboxSite<ShopData, ShopState> = { module: shopSiteModule, families: SHOP_FAMILIES };
