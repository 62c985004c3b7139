// The admin's SiteModule: dataset, per-episode state, request handler and named state checks.
import type { SiteModule } from '../site';
import { getAdminData, type AdminData } from './data';
import { handleAdmin } from './routes';
import { checkAdminState, freshAdminState, type AdminState } from './state';

export const adminSiteModule: SiteModule<AdminData, AdminState> = {
  id: 'admin',
  title: 'Magento Admin (shop back office)',
  load: getAdminData,
  freshState: freshAdminState,
  handle: handleAdmin,
  checkState: checkAdminState,
};
