// Information (3–4 steps): which project of a group ranks first by stars, last activity or creation date.
// Oracle: Groups → the group → the sort tab (the default is Last updated) → read the first (or last) project.
import type { CodeData } from '../data';
import { groupProjects, pristineState, sortProjects, type ProjectSort } from '../model';
import { GITLAB, clickLink, defineCodeFamily, paramPattern, sitePathPattern, stop, urlGoal } from './common';

interface Params {
  group: string;
  sort: ProjectSort;
  /** Ask for the last project of the ranking instead of the first. */
  last?: boolean;
}

const SORTS: Array<{ sort: ProjectSort; tab: string; template: number }> = [
  { sort: 'stars_desc', tab: 'Most stars', template: 0 },
  { sort: 'latest_activity_desc', tab: 'Last updated', template: 1 },
  { sort: 'created_desc', tab: 'Created date', template: 2 },
];

function ranked(data: CodeData, group: string, sort: ProjectSort) {
  return sortProjects(data, pristineState(data), groupProjects(data, group), sort);
}

export const groupTopProject = defineCodeFamily<Params>({
  id: 'code/group-top-project',
  kind: 'info',
  code: 402,
  description: "Name the first or last project of a group's project list by stars, last activity or creation date (groups, sort tabs).",
  templates: [
    'Which project of the {{group}} group has the most stars?',
    'Which project of the {{group}} group was updated most recently?',
    'Which project of the {{group}} group was created most recently?',
    'Which project of the {{group}} group has the fewest stars?',
  ],
  enumerate: (data) => data.groups.flatMap((g) => SORTS.filter((s) => {
    const list = ranked(data, g.path, s.sort);
    // A clear winner: no tie on the ranking key.
    return list.length >= 2 && (s.sort !== 'created_desc' || list[0].createdAt !== list[1].createdAt) && (s.sort !== 'latest_activity_desc' || list[0].updatedAt !== list[1].updatedAt);
  }).map((s): Params => ({ group: g.path, sort: s.sort })).concat([{ group: g.path, sort: 'stars_desc', last: true }])),
  build(data, { group, sort, last }) {
    const g = data.groupByPath.get(group)!;
    const spec = SORTS.find((s) => s.sort === sort)!;
    const list = ranked(data, group, sort);
    const top = last ? list[list.length - 1] : list[0];
    return {
      template: last ? 3 : spec.template,
      instantiation: { group: g.name },
      startUrl: GITLAB,
      eval: { kind: 'string_match', answers: { must_include: [top.name] }, raw: `${top.fullPath} (${top.stars} stars)` },
      oracle: [clickLink('Groups'), clickLink(g.name), ...(sort === 'latest_activity_desc' ? [] : [clickLink(spec.tab)]), stop(top.name)],
      subgoals: [
        urlGoal('Open the list of groups', sitePathPattern('code', '/groups')),
        urlGoal(`Open the ${g.name} group`, sitePathPattern('code', `/groups/${group}`)),
        sort === 'latest_activity_desc'
          ? urlGoal(`Find ${top.name} at the top of the list`, sitePathPattern('code', `/groups/${group}`))
          : urlGoal(`Sort the projects by ${spec.tab}`, paramPattern('sort', sort)),
      ],
    };
  },
});
