// The forum's SiteModule: dataset, per-episode state, request handler and named state checks.
import type { SiteModule } from '../site';
import { getForumData, type ForumData } from './data';
import { handleForum } from './routes';
import { checkForumState, freshForumState, type ForumState } from './state';

export const forumSiteModule: SiteModule<ForumData, ForumState> = {
  id: 'forum',
  title: 'Postmill (forum)',
  load: getForumData,
  freshState: freshForumState,
  handle: handleForum,
  checkState: checkForumState,
};
