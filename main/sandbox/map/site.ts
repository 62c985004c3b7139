// The map's SiteModule: dataset, per-episode state, request handler and named state checks.
import type { SiteModule } from '../site';
import { getMapData, type MapData } from './data';
import { handleMap } from './routes';
import { checkMapState, freshMapState, type MapState } from './state';

export const mapSiteModule: SiteModule<MapData, MapState> = {
  id: 'map',
  title: 'OpenTownMap (map)',
  load: getMapData,
  freshState: freshMapState,
  handle: handleMap,
  checkState: checkMapState,
};
