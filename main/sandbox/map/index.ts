// The map site's entry point for the sandbox registry: its SiteModule and its task families.
// See docs/design/SANDBOX.md §1, §3.
import type { SiteModule } from '../site';
import type { TaskFamily } from '../types';
import type { MapData } from './data';
import { MAP_FAMILIES } from './families/index';
import { mapSiteModule } from './routes';
import type { MapState } from './state';

export const mapSite: SiteModule<MapData, MapState> | null = mapSiteModule;
export const mapFamilies: TaskFamily[] = MAP_FAMILIES;
export { mapPlace, mapPlaces, type MapPlaceInfo } from './access';
