// State change: create a post in a forum with a given title and body through the submission form (Submit
// link → Title, Body, Forum → Create submission). Checked on the forum's newest posts and the final page.
import { pick } from '../../../random/seeded-random';
import { REDDIT, clickButton, clickLink, defineForumFamily, elementGoal, pathPattern, selectOption, stateGoal, stop, typeInto, urlGoal } from './common';
import { newBody, newTitle } from './text';

interface Params {
  forum: string;
}

export const createPost = defineForumFamily<Params>({
  id: 'forum/create-post',
  kind: 'change',
  code: 305,
  description: 'Submit a new post with a given title and body to a forum (submission form with a forum menu).',
  templates: ['Create a post in the {{forum}} forum titled "{{title}}" with the body "{{body}}".'],
  enumerate: (data) => data.forums.map((f) => ({ forum: f.name })),
  build(data, { forum }, rng) {
    const noun = pick(rng, data.forumByName.get(forum)!.nouns);
    const title = newTitle(rng, noun);
    const body = newBody(rng, noun);
    return {
      template: 0,
      instantiation: { forum, title, body },
      startUrl: REDDIT,
      eval: {
        kind: 'program_html',
        targets: [
          // 'last' first: a later target navigates away from the agent's final page.
          { url: 'last', locator: "document.querySelector('#post').outerText", required_contents: { must_include: [title, body, forum] } },
          { url: `${REDDIT}/f/${forum}?sort=new`, locator: "document.querySelector('#posts .post .title').outerText", required_contents: { must_include: [title] } },
        ],
      },
      oracle: [
        clickLink('Submit'),
        typeInto('Title', title),
        typeInto('Body', body),
        selectOption('Forum', forum),
        clickButton('Create submission'),
        stop(),
      ],
      subgoals: [
        urlGoal('Open the submission form', pathPattern('/submit')),
        elementGoal('Enter the title', { role: 'textbox', name: 'Title' }, 'value', title),
        elementGoal(`Choose the ${forum} forum`, { role: 'combobox', name: 'Forum' }, 'value', forum),
        stateGoal('Create the submission', 'forum.post_created', { forum, title, body }),
      ],
    };
  },
});
