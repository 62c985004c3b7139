// State change (8–15 steps): star the n most-starred (or most recently updated) projects of a group.
// Oracle: Groups → the group → (Most stars) → for each project: open it → Star → back to the group through
// the breadcrumb (the group's list is short, so every target is on its first page).
import type { CodeData, Project } from '../data';
import { groupProjects, pristineState, sortProjects, starCount, type ProjectSort } from '../model';
import { GITLAB, clickButton, clickLink, defineCodeFamily, paramPattern, sitePathPattern, stateGoal, stop, urlGoal } from './common';

interface Params {
  group: string;
  n: number;
  sort: Extract<ProjectSort, 'stars_desc' | 'latest_activity_desc'>;
}

function ranked(data: CodeData, { group, sort }: Params) {
  return sortProjects(data, pristineState(data), groupProjects(data, group), sort);
}

function targets(data: CodeData, params: Params) {
  return ranked(data, params).slice(0, params.n);
}

/** "The n most ..." names one set only when the n-th project is strictly ahead of the next on the ranking key
 * (the page's name tiebreak is not part of the intent). */
function clearCut(data: CodeData, params: Params): boolean {
  const list = ranked(data, params);
  const state = pristineState(data);
  const key = (p: Project) => (params.sort === 'stars_desc' ? starCount(data, state, p) : p.updatedAt);
  return list.length > params.n && key(list[params.n - 1]) !== key(list[params.n]);
}

/** The starred-projects dashboard as one sorted line, so an exact match rejects extra stars (starring the whole
 * group passes a must_include of the targets) and removed ones. */
const STARRED_LOCATOR = "[...document.querySelectorAll('#projects .project')].map((li) => '[' + li.dataset.project + ']').sort().join(' ')";
function starredAfter(data: CodeData, params: Params): string {
  const paths = new Set([...data.projects.filter((p) => data.initialStars.includes(p.id)).map((p) => p.fullPath), ...targets(data, params).map((p) => p.fullPath)]);
  return [...paths].map((x) => `[${x}]`).sort().join(' ');
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
    .filter((x) => clearCut(data, x) && todo(data, x).length >= 2),
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
          locator: STARRED_LOCATOR,
          required_contents: { exact_match: starredAfter(data, params) },
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
