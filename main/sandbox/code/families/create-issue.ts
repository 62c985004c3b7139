// State change (9 steps): open an issue with a given title, label and assignee. Oracle: project search →
// project → Issues → New issue → Title → Assignee → Label → Create issue. Checked on the final issue page
// and on the project's issue list filtered by that label and assignee.
import { pick } from '../../../random/seeded-random';
import { projectMembers, pristineState } from '../model';
import {
  GITLAB, clickButton, clickLink, defineCodeFamily, elementGoal, nameOf, openProject, projectPattern, projectUrl, selectOption, stateGoal, stop,
  typeInto, urlGoal,
} from './common';
import { newIssueTitle } from './text';

interface Params {
  projectId: number;
}

export const createIssue = defineCodeFamily<Params>({
  id: 'code/create-issue',
  kind: 'change',
  code: 404,
  description: 'Open a new issue with a given title, label and assignee in a project (new-issue form with two menus).',
  templates: ['Open an issue in the {{project}} project titled "{{title}}" with the label "{{label}}", and assign it to {{assignee}}.'],
  enumerate: (data) => data.projects.map((p) => ({ projectId: p.id })),
  build(data, { projectId }, rng) {
    const p = data.projects[projectId - 1];
    const title = newIssueTitle(rng);
    const label = pick(rng, p.labels);
    const assignee = pick(rng, projectMembers(pristineState(data), p).filter((m) => m.username !== data.user)).username;
    const who = nameOf(data, assignee);
    const filtered = `${projectUrl(p, '/-/issues')}?label_name=${encodeURIComponent(label)}&assignee_username=${assignee}`;
    return {
      template: 0,
      instantiation: { project: p.name, title, label, assignee: who },
      startUrl: GITLAB,
      eval: {
        kind: 'program_html',
        targets: [
          // 'last' first: a later target navigates away from the agent's final page.
          { url: 'last', locator: "document.querySelector('#issue').outerText", required_contents: { must_include: [title, label, who] } },
          { url: filtered, locator: "document.querySelector('#issue-list').outerText", required_contents: { must_include: [title] } },
        ],
      },
      oracle: [
        ...openProject(p), clickLink('Issues'), clickLink('New issue'),
        typeInto('Title', title), selectOption('Assignee', who), selectOption('Label', label), clickButton('Create issue'), stop(),
      ],
      subgoals: [
        urlGoal(`Open the ${p.name} project`, projectPattern(p)),
        urlGoal('Open the new-issue form', projectPattern(p, '/-/issues/new')),
        elementGoal('Enter the title', { role: 'textbox', name: 'Title' }, 'value', title),
        stateGoal(`Create the issue labelled ${label} and assigned to ${who}`, 'code.issue_created', { project: p.fullPath, title, labels: [label], assignee }),
      ],
    };
  },
});
