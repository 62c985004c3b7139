// Navigation (8 steps): open the profile of the person who opened a named issue. Oracle: project search →
// project → Issues → All tab → issue search → the issue → its author's name.
import { projectIssues, pristineState } from '../model';
import {
  GITLAB, clickLink, defineCodeFamily, issuePagePattern, nameOf, openProject, paramPattern, projectPattern, sitePathPattern, stop, typeInto, urlGoal,
} from './common';

interface Params {
  projectId: number;
  iid: number;
}

export const issueAuthorProfile = defineCodeFamily<Params>({
  id: 'code/issue-author-profile',
  kind: 'navigation',
  code: 410,
  description: 'Open the profile page of the author of an issue named by its title (issue search across open and closed issues).',
  templates: ['Open the profile page of the person who opened the issue "{{title}}" in the {{project}} project.'],
  enumerate: (data) => data.projects.flatMap((p) => projectIssues(data, pristineState(data), p.id)
    // Not the signed-in user, whose name is also the top bar's profile link.
    .filter((i) => i.author !== data.user).map((i) => ({ projectId: p.id, iid: i.iid }))),
  build(data, { projectId, iid }) {
    const p = data.projects[projectId - 1];
    const issue = data.issuesByProject.get(p.id)![iid - 1];
    const who = nameOf(data, issue.author);
    return {
      template: 0,
      instantiation: { title: issue.title, project: p.name },
      startUrl: GITLAB,
      eval: { kind: 'url_match', url: `${GITLAB}/users/${issue.author}` },
      oracle: [...openProject(p), clickLink('Issues'), clickLink('All'), typeInto('Search or filter results', issue.title, true), clickLink(issue.title), clickLink(who), stop()],
      subgoals: [
        urlGoal(`Open the issues of ${p.name}`, projectPattern(p, '/-/issues')),
        urlGoal('Search all issues for the title', paramPattern('state', 'all')),
        urlGoal(`Open the issue "${issue.title}"`, issuePagePattern(p)),
        urlGoal(`Open ${who}'s profile`, sitePathPattern('code', `/users/${issue.author}`)),
      ],
    };
  },
});
