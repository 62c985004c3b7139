// State change (8–9 steps): comment on the newest post of a forum and upvote it. Oracle: Forums → the forum
// → New → the first post → Comment → Post comment → Upvote.
import { forumPosts, pristineState, sortPosts } from '../model';
import {
  REDDIT, clickButton, clickLink, defineForumFamily, listingPattern, openForum, postPattern, postUrl, stateGoal, stop, typeInto, urlGoal,
} from './common';
import { newComment } from './text';

interface Params {
  forum: string;
}

export const commentNewestPost = defineForumFamily<Params>({
  id: 'forum/comment-newest-post',
  kind: 'change',
  code: 310,
  description: 'Leave a given comment on the newest post of a forum and upvote it (forum, sort by New, post page, comment form, vote).',
  templates: ['Leave the comment "{{text}}" on the newest post in the {{forum}} forum, then upvote that post.'],
  enumerate: (data) => data.forums.map((f) => ({ forum: f.name })),
  build(data, { forum }, rng) {
    const state = pristineState(data);
    const post = sortPosts(data, state, forumPosts(data, state, forum), 'new')[0];
    const text = newComment(rng);
    return {
      template: 0,
      instantiation: { text, forum },
      startUrl: REDDIT,
      eval: {
        kind: 'program_html',
        targets: [
          { url: postUrl(post), locator: "document.querySelector('#comments').outerText", required_contents: { must_include: [text] } },
          { url: postUrl(post), locator: "document.querySelector('#post').className", required_contents: { must_include: ['upvoted'] } },
        ],
      },
      oracle: [...openForum(data, forum), clickLink('New'), clickLink(post.title), typeInto('Comment', text), clickButton('Post comment'), clickButton('Upvote'), stop()],
      subgoals: [
        urlGoal(`Sort ${forum} by New`, listingPattern(`/f/${forum}`, 'sort', 'new')),
        urlGoal(`Open the newest post "${post.title}"`, postPattern(post)),
        stateGoal('Post the comment', 'forum.comment_posted', { postId: post.id, parentId: null, body: text }),
        stateGoal('Upvote the post', 'forum.voted', { postId: post.id, dir: 1 }),
      ],
    };
  },
});
