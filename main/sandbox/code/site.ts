// The code site's SiteModule: dataset, per-episode state, request handler and named state checks.
import type { SiteModule } from '../site';
import { getCodeData, type CodeData } from './data';
import { handleCode } from './routes';
import { checkCodeState, freshCodeState, type CodeState } from './state';

export const codeSiteModule: SiteModule<CodeData, CodeState> = {
  id: 'code',
  title: 'GitLab (code)',
  load: getCodeData,
  freshState: freshCodeState,
  handle: handleCode,
  checkState: checkCodeState,
};
