// State change over several pages (11–17 steps): close every open issue with a given label in a project.
// Oracle: project search → project → Issues → Label filter → Apply → for each issue: open it → Close issue →
// its label link (back to the filtered open list, where closed issues no longer show).
import type { CodeData } from '../data';
import { canTriage, projectIssues, pristineState } from '../model';
import {
  GITLAB, clickButton, clickLink, defineCodeFamily, openProject, projectPattern, projectUrl, queryPattern, selectOption, stateGoal, stop, urlGoal,
} from './common';

interface Params {
  projectId: number;
  label: string;
}

/** Open issues with the label, newest first (the list's default order). */
function targets(data: CodeData, { projectId, label }: Params) {
  return projectIssues(data, pristineState(data), projectId).filter((i) => i.state === 'opened' && i.labels.includes(label)).sort((a, b) => b.iid - a.iid);
}

/** An open issue of the project without the label (the newest one), which must stay open: closing every issue
 * passes the label checks alone (collateral damage). */
function bystander(data: CodeData, { projectId, label }: Params) {
  return projectIssues(data, pristineState(data), projectId).filter((i) => i.state === 'opened' && !i.labels.includes(label)).sort((a, b) => b.iid - a.iid)[0];
}

export const closeLabelledIssues = defineCodeFamily<Params>({
  id: 'code/close-labelled-issues',
  kind: 'change',
  code: 406,
  description: 'Close all open issues with a given label in a project (label filter, then several issue pages in a row).',
  templates: ['Close all open issues labelled "{{label}}" in the {{project}} project.'],
  enumerate: (data) => data.projects.filter((p) => canTriage(data, pristineState(data), p))
    .flatMap((p) => p.labels.map((label) => ({ projectId: p.id, label }))).filter((x) => targets(data, x).length >= 2 && targets(data, x).length <= 4),
  build(data, params) {
    const p = data.projects[params.projectId - 1];
    const { label } = params;
    const issues = targets(data, params);
    const other = bystander(data, params);
    const list = `${projectUrl(p, '/-/issues')}?label_name=${encodeURIComponent(label)}`;
    return {
      template: 0,
      instantiation: { label, project: p.name },
      startUrl: GITLAB,
      eval: {
        kind: 'program_html',
        targets: [
          // The open list filtered by the label must be empty (the page says so instead of listing issues).
          { url: list, locator: "document.querySelector('#issue-list').outerText", required_contents: { must_include: ['No issues match these filters.'] } },
          // Closed, not merely unlabelled: every one of them is in the closed list with the label.
          { url: `${list}&state=closed&sort=updated_desc`, locator: "document.querySelector('#issue-list').outerText", required_contents: { must_include: issues.map((i) => i.title) } },
          ...(other ? [{ url: projectUrl(p, `/-/issues/${other.iid}`), locator: "document.querySelector('#issue-state').textContent", required_contents: { exact_match: 'Open' } }] : []),
        ],
      },
      oracle: [
        ...openProject(p), clickLink('Issues'), selectOption('Label', label), clickButton('Apply'),
        ...issues.flatMap((i, k) => [clickLink(i.title), clickButton('Close issue'), ...(k < issues.length - 1 ? [clickLink(label)] : [])]),
        stop(),
      ],
      subgoals: [
        urlGoal(`Open the issues of ${p.name}`, projectPattern(p, '/-/issues')),
        urlGoal(`Filter them by the label ${label}`, queryPattern(`/${p.fullPath}/-/issues`, 'label_name', label)),
        stateGoal(`Close "${issues[0].title}"`, 'code.issues_state', { project: p.fullPath, iids: [issues[0].iid], state: 'closed' }),
        stateGoal(`Close all ${issues.length}: ${issues.map((i) => `#${i.iid}`).join(', ')}`, 'code.issues_state', { project: p.fullPath, iids: issues.map((i) => i.iid), state: 'closed' }),
      ],
    };
  },
});
