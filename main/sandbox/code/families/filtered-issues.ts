// Navigation (8–9 steps): open a project's issue list filtered by state, label and assignee and sorted by
// last update. Oracle: project search → project → Issues → (Closed tab) → Label, Assignee, Sort by → Apply.
import type { Issue } from '../data';
import { projectIssues, pristineState } from '../model';
import {
  GITLAB, clickButton, clickLink, defineCodeFamily, nameOf, openProject, projectPattern, projectUrl, queryPattern, selectOption, stop, urlGoal,
} from './common';

interface Params {
  projectId: number;
  state: Issue['state'];
  label: string;
  assignee: string;
}

export const filteredIssues = defineCodeFamily<Params>({
  id: 'code/filtered-issues',
  kind: 'navigation',
  code: 403,
  description: "Open a project's issues filtered by state, label and assignee, sorted by last update (tabs and filter form).",
  templates: ['Show me the {{state}} issues of the {{project}} project labelled "{{label}}" and assigned to {{assignee}}, most recently updated first.'],
  enumerate(data) {
    const out: Params[] = [];
    for (const p of data.projects) {
      const seen = new Set<string>();
      for (const i of projectIssues(data, pristineState(data), p.id)) {
        for (const label of i.labels) {
          const params = { projectId: p.id, state: i.state, label, assignee: i.assignee ?? '' };
          const key = JSON.stringify(params);
          if (!i.assignee || seen.has(key)) continue;
          seen.add(key);
          out.push(params);
        }
      }
    }
    return out;
  },
  build(data, params) {
    const p = data.projects[params.projectId - 1];
    const who = nameOf(data, params.assignee);
    const issuesPath = `/${p.fullPath}/-/issues`;
    const query = `state=${params.state}&label_name=${encodeURIComponent(params.label)}&assignee_username=${params.assignee}&sort=updated_desc`;
    return {
      template: 0,
      instantiation: { state: params.state === 'opened' ? 'open' : 'closed', project: p.name, label: params.label, assignee: who },
      startUrl: GITLAB,
      eval: { kind: 'url_match', url: `${projectUrl(p, '/-/issues')}?${query}` },
      oracle: [
        ...openProject(p), clickLink('Issues'), ...(params.state === 'closed' ? [clickLink('Closed')] : []),
        selectOption('Label', params.label), selectOption('Assignee', who), selectOption('Sort by', 'Last updated'), clickButton('Apply'), stop(),
      ],
      subgoals: [
        urlGoal(`Open the ${p.name} project`, projectPattern(p)),
        urlGoal('Open its issues', projectPattern(p, '/-/issues')),
        urlGoal(`Filter by the label ${params.label}`, queryPattern(issuesPath, 'label_name', params.label)),
        urlGoal(`Filter by ${who} and sort by last update`, queryPattern(issuesPath, 'assignee_username', params.assignee)),
      ],
    };
  },
});
