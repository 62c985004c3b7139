// The one list of sandbox sites (docs/design/SANDBOX.md §1): a Record over the registry's site ids
// (main/api/registries.ts), so a site added there does not compile until its folder is listed here.
import { SANDBOX_SITE_IDS, type SandboxSiteId } from '../api/registries';
import { site as admin } from './admin/index';
import { site as code } from './code/index';
import { site as forum } from './forum/index';
import { site as map } from './map/index';
import { site as shop } from './shop/index';
import type { SandboxSite } from './site';

export const SITES: Record<SandboxSiteId, SandboxSite> = { shop, admin, forum, code, map };

/** The sites in registry order (the order the server lists them and the catalog holds their families). */
export const SITE_LIST: SandboxSite[] = SANDBOX_SITE_IDS.map((id) => SITES[id]);
