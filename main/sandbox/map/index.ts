// The map site's entry for the sandbox's list of sites (main/sandbox/sites.ts): every site folder exports
// this one shape — its SiteModule and its task families (docs/design/SANDBOX.md §1, §3).
import type { SandboxSite } from '../site';
import type { MapData } from './data';
import { MAP_FAMILIES } from './families/all';
import { mapSiteModule } from './site';
import type { MapState } from './state';

export const site: SandboxSite<MapData, MapState> = { module: mapSiteModule, families: MAP_FAMILIES };
