// State change over several pages (8–9 steps): reply to the highest-scoring comment on a forum's top post.
// Oracle: Forums → the forum → Top → the first post → "Reply to <author>" → type → Post reply.
import type { ForumData } from '../data';
import { commentScore, commentsOf, forumPosts, postScore, pristineState, sortPosts } from '../model';
import {
  REDDIT, clickButton, clickLink, defineForumFamily, listingPattern, openForum, pathPattern, postPattern, postUrl, stateGoal, stop, typeInto,
  uniqueMax, urlGoal,
} from './common';
import { newComment } from './text';

interface Params {
  forum: string;
  window: 'all' | 'year';
}

function target(data: ForumData, forum: string, window: Params['window']) {
  const state = pristineState(data);
  const post = uniqueMax(sortPosts(data, state, forumPosts(data, state, forum), 'top', window), (p) => postScore(state, p));
  if (!post) return undefined;
  const comments = commentsOf(data, state, post.id);
  const top = comments.length >= 2 ? uniqueMax(comments, (c) => commentScore(state, c)) : undefined;
  // The reply link is named after the author, so the author must have one comment on the post.
  if (!top || comments.filter((c) => c.author === top.author).length !== 1) return undefined;
  return { post, comment: top };
}

export const replyTopComment = defineForumFamily<Params>({
  id: 'forum/reply-top-comment',
  kind: 'change',
  code: 306,
  description: "Reply to the highest-scoring comment on a forum's top post (all time or past year) (forum, sort, post, comment page, reply form).",
  templates: [
    'In the {{forum}} forum, open the top post of all time and reply "{{text}}" to its highest-scoring comment.',
    'In the {{forum}} forum, open the top post of the past year and reply "{{text}}" to its highest-scoring comment.',
  ],
  enumerate: (data) => data.forums.flatMap((f) => (['all', 'year'] as const).filter((w) => target(data, f.name, w)).map((window) => ({ forum: f.name, window }))),
  build(data, { forum, window }, rng) {
    const { post, comment } = target(data, forum, window)!;
    const text = newComment(rng);
    return {
      template: window === 'all' ? 0 : 1,
      instantiation: { forum, text },
      startUrl: REDDIT,
      eval: {
        kind: 'program_html',
        targets: [{
          url: postUrl(post),
          locator: `document.querySelector('#comment-${comment.id}').parentElement.outerText`,
          required_contents: { must_include: [text, data.user] },
        }],
      },
      oracle: [
        ...openForum(data, forum), clickLink('Top'), ...(window === 'year' ? [clickLink('Past year')] : []), clickLink(post.title), clickLink(`Reply to ${comment.author}`),
        typeInto('Reply', text), clickButton('Post reply'), stop(),
      ],
      subgoals: [
        urlGoal(`Sort ${forum} by Top`, listingPattern(`/f/${forum}`, 'sort', 'top')),
        urlGoal(`Open the top post "${post.title}"`, postPattern(post)),
        urlGoal(`Open the reply form of ${comment.author}'s comment`, pathPattern(`/f/${forum}/${post.id}/-/comment/${comment.id}`)),
        stateGoal('Post the reply', 'forum.comment_posted', { postId: post.id, parentId: comment.id, body: text }),
      ],
    };
  },
});
