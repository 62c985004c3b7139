// The shop's SiteModule: dataset, per-episode state, request handler and named state checks.
import type { SiteModule } from '../site';
import { getShopData, type ShopData } from './data';
import { handleShop } from './routes';
import { checkShopState, freshShopState, type ShopState } from './state';

export const shopSiteModule: SiteModule<ShopData, ShopState> = {
  id: 'shop',
  title: 'One Stop Market (shop)',
  load: getShopData,
  freshState: freshShopState,
  handle: handleShop,
  checkState: checkShopState,
};
