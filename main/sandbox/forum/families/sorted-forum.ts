// Navigation: open a forum's listing in a given order (and, for Top, a time range); scored by URL.
import { SORTS, WINDOWS, type SortKey, type TimeWindow } from '../model';
import { REDDIT, clickLink, defineForumFamily, openForum, paramPattern, pathPattern, stop, urlGoal } from './common';

interface Params {
  forum: string;
  sort: Exclude<SortKey, 'hot'>;
  window: Exclude<TimeWindow, 'all' | 'day'> | null;
}

const PHRASES: Record<Params['sort'], string> = { new: 'newest first', top: 'score (top)', comments: 'number of comments' };
const WINDOW_PHRASES: Record<NonNullable<Params['window']>, string> = { week: 'past week', month: 'past month', year: 'past year' };

export const sortedForum = defineForumFamily<Params>({
  id: 'forum/sorted-forum',
  kind: 'navigation',
  code: 303,
  description: 'Open a forum sorted by new, top or most commented, optionally the top posts of a time range (URL match).',
  templates: [
    'Show me the posts of the {{forum}} forum sorted by {{order}}.',
    'Show me the top posts of the {{range}} in the {{forum}} forum.',
  ],
  enumerate(data) {
    const out: Params[] = [];
    for (const f of data.forums) {
      for (const sort of ['new', 'top', 'comments'] as const) out.push({ forum: f.name, sort, window: null });
      for (const window of ['week', 'month', 'year'] as const) out.push({ forum: f.name, sort: 'top', window });
    }
    return out;
  },
  build(data, { forum, sort, window }) {
    const label = SORTS.find((s) => s.key === sort)!.label;
    const instantiation: Record<string, string> = window ? { range: WINDOW_PHRASES[window], forum } : { forum, order: PHRASES[sort] };
    const query = window ? `?sort=top&t=${window}` : `?sort=${sort}`;
    return {
      template: window ? 1 : 0,
      instantiation,
      startUrl: REDDIT,
      eval: { kind: 'url_match', url: `${REDDIT}/f/${forum}${query}` },
      oracle: [
        ...openForum(data, forum),
        clickLink(label),
        ...(window ? [clickLink(WINDOWS.find((w) => w.key === window)!.label)] : []),
        stop(),
      ],
      subgoals: [
        ...(window ? [] : [urlGoal('Open the list of forums', pathPattern('/forums'))]),
        urlGoal(`Open the ${forum} forum`, pathPattern(`/f/${forum}`)),
        urlGoal(`Sort by ${label}`, paramPattern('sort', sort)),
        ...(window ? [urlGoal(`Limit to the ${WINDOW_PHRASES[window]}`, paramPattern('t', window))] : []),
      ],
    };
  },
});
