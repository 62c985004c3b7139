// Information: who submitted the top-scoring post of a forum (all time or the past year). Oracle: Forums →
// the forum → Top (→ Past year) → read the first post's author.
import type { ForumData } from '../data';
import { forumPosts, postScore, pristineState, sortPosts } from '../model';
import { REDDIT, clickLink, defineForumFamily, openForum, paramPattern, pathPattern, stop, uniqueMax, urlGoal } from './common';

interface Params {
  forum: string;
  window: 'all' | 'year';
}

function topPost(data: ForumData, forum: string, window: Params['window']) {
  const state = pristineState(data);
  const posts = sortPosts(data, state, forumPosts(data, state, forum), 'top', window);
  return posts.length >= 2 ? uniqueMax(posts, (p) => postScore(state, p)) : undefined;
}

export const topPostAuthor = defineForumFamily<Params>({
  id: 'forum/top-post-author',
  kind: 'info',
  code: 301,
  description: 'Name the author of the highest-scoring post of a forum, all time or in the past year (sort by Top).',
  templates: [
    'Who submitted the highest-scoring post of all time in the {{forum}} forum? Answer with the username.',
    'Which user submitted the highest-scoring post of the past year in the {{forum}} forum? Answer with the username.',
  ],
  enumerate(data) {
    const out: Params[] = [];
    for (const f of data.forums) {
      for (const window of ['all', 'year'] as const) {
        const top = topPost(data, f.name, window);
        if (top && top.author !== data.user) out.push({ forum: f.name, window });
      }
    }
    return out;
  },
  build(data, { forum, window }) {
    const top = topPost(data, forum, window)!;
    return {
      template: window === 'all' ? 0 : 1,
      instantiation: { forum },
      startUrl: REDDIT,
      eval: { kind: 'string_match', answers: { must_include: [top.author] }, raw: `${top.author} ("${top.title}", score ${top.score})` },
      oracle: [...openForum(data, forum), clickLink('Top'), ...(window === 'year' ? [clickLink('Past year')] : []), stop(top.author)],
      subgoals: [
        ...(window === 'all' ? [urlGoal('Open the list of forums', pathPattern('/forums'))] : []),
        urlGoal(`Open the ${forum} forum`, pathPattern(`/f/${forum}`)),
        urlGoal('Sort its posts by Top', paramPattern('sort', 'top')),
        ...(window === 'year' ? [urlGoal('Limit the ranking to the past year', paramPattern('t', 'year'))] : []),
      ],
    };
  },
});
