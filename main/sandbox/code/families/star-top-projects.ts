// State change (8–15 steps): star the n most-starred (or most recently updated) projects of a group.
// Oracle: Groups → the group → (Most stars) → for each project: open it → Star → back to the group through
// the breadcrumb (the group's list is short, so every target is on its first page).
import type { CodeData } from '../data';
import { groupProjects, pristineState, sortProjects, type ProjectSort } from '../model';
import { GITLAB, clickButton, clickLink, defineCodeFamily, paramPattern, sitePathPattern, stateGoal, stop, urlGoal } from './common';

interface Params {
  group: string;
  n: number;
  sort: Extract<ProjectSort, 'stars_desc' | 'latest_activity_desc'>;
}

function targets(data: CodeData, { group, n, sort }: Params) {
  return sortProjects(data, pristineState(data), groupProjects(data, group), sort).slice(0, n);
}

/** The targets the user has not starred before the episode (the oracle leaves the others alone). */
function todo(data: CodeData, params: Params) {
  return targets(data, params).filter((p) => !data.initialStars.includes(p.id));
}

export const starTopProjects = defineCodeFamily<Params>({
  id: 'code/star-top-projects',
  kind: 'change',
  code: 407,
  description: 'Star the n most-starred or most recently updated projects of a group (group page, sort, several project pages).',
  templates: [
    'Star the {{n}} most-starred projects of the {{group}} group.',
    'Star the {{n}} most recently updated projects of the {{group}} group.',
  ],
  enumerate: (data) => data.groups.flatMap((g) => [2, 3, 4].flatMap((n) => (['stars_desc', 'latest_activity_desc'] as const).map((sort) => ({ group: g.path, n, sort }))))
    // At least two of them not starred yet, so doing nothing (or one click) never passes.
    .filter((x) => groupProjects(data, x.group).length > x.n && todo(data, x).length >= 2),
  build(data, params) {
    const g = data.groupByPath.get(params.group)!;
    const paths = targets(data, params).map((p) => p.fullPath);
    const projects = todo(data, params);
    return {
      template: params.sort === 'stars_desc' ? 0 : 1,
      instantiation: { n: params.n, group: g.name },
      startUrl: GITLAB,
      eval: {
        kind: 'program_html',
        targets: [{
          url: `${GITLAB}/dashboard/starred`,
          locator: "[...document.querySelectorAll('#projects .project')].map((li) => '[' + li.dataset.project + ']').join(' ')",
          required_contents: { must_include: paths.map((x) => `[${x}]`) },
        }],
      },
      oracle: [
        clickLink('Groups'), clickLink(g.name), ...(params.sort === 'stars_desc' ? [clickLink('Most stars')] : []),
        ...projects.flatMap((p, k) => [clickLink(p.name), clickButton('Star'), ...(k < projects.length - 1 ? [clickLink(g.name)] : [])]),
        stop(),
      ],
      subgoals: [
        urlGoal(`Open the ${g.name} group`, sitePathPattern('code', `/groups/${g.path}`)),
        params.sort === 'stars_desc'
          ? urlGoal('Sort its projects by stars', paramPattern('sort', 'stars_desc'))
          : urlGoal(`Open ${projects[0].name}`, sitePathPattern('code', `/${projects[0].fullPath}`)),
        stateGoal(`Star ${projects[0].name}`, 'code.starred', { projects: [projects[0].fullPath] }),
        stateGoal(`Have all of ${targets(data, params).map((p) => p.name).join(', ')} starred`, 'code.starred', { projects: paths }),
      ],
    };
  },
});
