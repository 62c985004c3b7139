// State change: edit one of the signed-in user's posts (new body or new title). Oracle: the user's profile
// → the post → Edit → change the field → Save changes.
import { pick } from '../../../random/seeded-random';
import { replaceIn } from '../../family-kit';
import { REDDIT, clickButton, clickLink, defineForumFamily, pathPattern, postPattern, stateGoal, stop, urlGoal } from './common';
import { newBody, newTitle } from './text';

interface Params {
  postId: number;
  field: 'body' | 'title';
}

export const editOwnPost = defineForumFamily<Params>({
  id: 'forum/edit-own-post',
  kind: 'change',
  code: 309,
  description: "Change the body or the title of one of the user's own posts (profile, post page, edit form).",
  templates: [
    'Edit my post "{{title}}" so that its body reads "{{text}}".',
    'Rename my post "{{title}}" to "{{text}}".',
  ],
  enumerate: (data) => data.posts.filter((p) => p.author === data.user).flatMap((p) => [{ postId: p.id, field: 'body' as const }, { postId: p.id, field: 'title' as const }]),
  build(data, { postId, field }, rng) {
    const post = data.postById.get(postId)!;
    const noun = pick(rng, data.forumByName.get(post.forum)!.nouns);
    const text = field === 'body' ? newBody(rng, noun) : newTitle(rng, noun);
    const label = field === 'body' ? 'Body' : 'Title';
    return {
      template: field === 'body' ? 0 : 1,
      instantiation: { title: post.title, text },
      startUrl: REDDIT,
      eval: {
        kind: 'program_html',
        targets: [{
          url: `${REDDIT}/f/${post.forum}/${post.id}`,
          locator: field === 'body' ? "document.querySelector('#post-body').outerText" : "document.querySelector('#post h1').outerText",
          required_contents: { must_include: [text] },
        }],
      },
      oracle: [clickLink(data.user), clickLink(post.title), clickLink('Edit'), replaceIn(label, text), clickButton('Save changes'), stop()],
      subgoals: [
        urlGoal('Open your profile', pathPattern(`/user/${data.user}`)),
        urlGoal(`Open the post "${post.title}"`, postPattern(post)),
        urlGoal('Open the edit form', pathPattern(`/f/${post.forum}/${post.id}/-/edit`)),
        stateGoal(`Save the new ${field}`, 'forum.post_edited', field === 'body' ? { postId, body: text } : { postId, title: text }),
      ],
    };
  },
});
