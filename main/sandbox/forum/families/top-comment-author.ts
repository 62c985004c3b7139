// Information: who wrote the highest-scoring comment on a named post. Oracle: search the title → open the
// post → read the first comment (comments are ranked by score).
import { commentScore, commentsOf, pristineState } from '../model';
import type { ForumData } from '../data';
import { REDDIT, clickLink, defineForumFamily, pathPattern, postPattern, search, stop, textGoal, uniqueMax, urlGoal } from './common';

interface Params {
  postId: number;
}

function topComment(data: ForumData, postId: number) {
  const state = pristineState(data);
  const comments = commentsOf(data, state, postId);
  return comments.length >= 3 ? uniqueMax(comments, (c) => commentScore(state, c)) : undefined;
}

export const topCommentAuthor = defineForumFamily<Params>({
  id: 'forum/top-comment-author',
  kind: 'info',
  code: 302,
  description: 'Name the author of the highest-scoring comment on a post found by its title (search, post page).',
  templates: ['Which user wrote the highest-scoring comment on the post titled "{{title}}"? Answer with the username.'],
  enumerate: (data) => data.posts.filter((p) => {
    const top = topComment(data, p.id);
    return top && top.author !== data.user && top.author !== p.author;
  }).map((p) => ({ postId: p.id })),
  build(data, { postId }) {
    const post = data.postById.get(postId)!;
    const top = topComment(data, postId)!;
    return {
      template: 0,
      instantiation: { title: post.title },
      startUrl: REDDIT,
      eval: { kind: 'string_match', answers: { must_include: [top.author] }, raw: `${top.author} (${top.score} points)` },
      oracle: [search(post.title), clickLink(post.title), stop(top.author)],
      subgoals: [
        urlGoal('Search for the post by its title', pathPattern('/search')),
        urlGoal(`Open the post "${post.title}"`, postPattern(post)),
        textGoal('Find the highest-scoring comment (listed first)', top.body),
      ],
    };
  },
});
