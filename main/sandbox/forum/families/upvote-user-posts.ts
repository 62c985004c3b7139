// State change (7–9 steps): upvote a user's n highest-scoring posts. Oracle: search the username → the
// author's profile → Top → upvote each of the first n posts.
import type { ForumData } from '../data';
import { postScore, pristineState, sortPosts, userPosts } from '../model';
import { REDDIT, clickButton, clickLink, defineForumFamily, listingPattern, pathPattern, search, stateGoal, stop, urlGoal } from './common';

interface Params {
  user: string;
  n: number;
}

/** The user's posts by score, when the n-th is strictly ahead of the next (so "top n" is well defined). */
function topN(data: ForumData, user: string, n: number) {
  const state = pristineState(data);
  const posts = sortPosts(data, state, userPosts(data, state, user), 'top');
  if (posts.length <= n || postScore(state, posts[n - 1]) <= postScore(state, posts[n])) return undefined;
  return posts.slice(0, n);
}

export const upvoteUserPosts = defineForumFamily<Params>({
  id: 'forum/upvote-user-posts',
  kind: 'change',
  code: 307,
  description: "Upvote a user's n highest-scoring posts (search, profile, sort by Top, several votes).",
  templates: ['Upvote the {{n}} highest-scoring posts submitted by {{user}}.'],
  enumerate(data) {
    const out: Params[] = [];
    for (const user of data.users) {
      if (user === data.user) continue;
      for (const n of [3, 4, 5]) if (topN(data, user, n)) out.push({ user, n });
    }
    return out;
  },
  build(data, { user, n }) {
    const posts = topN(data, user, n)!;
    const ids = posts.map((p) => p.id);
    return {
      template: 0,
      instantiation: { n, user },
      startUrl: REDDIT,
      eval: {
        kind: 'program_html',
        targets: [{
          url: `${REDDIT}/user/${user}?sort=top`,
          // The count catches extra votes on the page; the titles, the right ones.
          locator: "[...document.querySelectorAll('#posts .post.upvoted .title')].map((a) => a.textContent).concat(['(' + document.querySelectorAll('#posts .post.upvoted').length + ' upvoted)']).join(' | ')",
          required_contents: { must_include: [`(${n} upvoted)`, ...posts.map((p) => p.title)] },
        }],
      },
      oracle: [search(user), clickLink(user), clickLink('Top'), ...posts.map((p) => clickButton(`Upvote ${p.title}`)), stop()],
      subgoals: [
        urlGoal(`Find ${user}'s profile`, pathPattern(`/user/${user}`)),
        urlGoal('Sort their posts by Top', listingPattern(`/user/${user}`, 'sort', 'top')),
        stateGoal(`Upvote their top post "${posts[0].title}"`, 'forum.voted', { postId: ids[0], dir: 1 }),
        stateGoal(`Upvote all ${n} top posts`, 'forum.votes_cast', { postIds: ids }),
      ],
    };
  },
});
