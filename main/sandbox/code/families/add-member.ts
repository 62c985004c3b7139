// State change carrying a name across projects (11–12 steps): find a person in one project (the author of
// its latest commit, or the assignee of a named issue) and invite them to another project with a role.
// Oracle: project search → source project → Commits (or Issues → search → the issue) → project search →
// target project → Members → name → Role → Invite.
import { pick, type Rng } from '../../../random/seeded-random';
import type { CodeData, Project } from '../data';
import { canManage, projectCommits, projectIssues, pristineState, roleOf } from '../model';
import {
  GITLAB, clickButton, clickLink, defineCodeFamily, issuePagePattern, nameOf, openProject, projectPattern, projectUrl, selectOption, stateGoal, stop,
  typeInto, urlGoal,
} from './common';

interface Params {
  source: number;
  target: number;
  via: 'commit' | 'issue';
}

const ROLE_CHOICES = ['Reporter', 'Developer', 'Maintainer'] as const;

/** The person to invite and, for the issue variant, the issue that names them. */
function person(data: CodeData, source: Project, via: Params['via'], rng?: Rng): { username: string; issueTitle?: string } | undefined {
  if (via === 'commit') {
    const latest = projectCommits(data, source.id)[0];
    return latest ? { username: latest.author } : undefined;
  }
  const open = projectIssues(data, pristineState(data), source.id).filter((i) => i.state === 'opened' && i.assignee && i.assignee !== data.user);
  if (open.length === 0) return undefined;
  const issue = rng ? pick(rng, open) : open[0];
  return { username: issue.assignee!, issueTitle: issue.title };
}

export const addMember = defineCodeFamily<Params>({
  id: 'code/add-member',
  kind: 'change',
  code: 408,
  description: 'Invite to one project the author of another project\'s latest commit, or the assignee of a named issue, with a given role (two projects, members form).',
  templates: [
    'Find who authored the most recent commit of the {{source}} project and add that person to the {{project}} project as a {{role}}.',
    'Add the person assigned to the issue "{{issue}}" of the {{source}} project to the {{project}} project as a {{role}}.',
  ],
  enumerate(data) {
    const s = pristineState(data);
    const managed = data.projects.filter((p) => canManage(data, s, p));
    const out: Params[] = [];
    for (const source of data.projects) {
      for (const target of managed) {
        if (source === target) continue;
        for (const via of ['commit', 'issue'] as const) {
          const who = person(data, source, via);
          // Only people not yet in the target (the issue variant is checked again with the drawn issue).
          if (who && who.username !== data.user && !roleOf(s, target, who.username)) out.push({ source: source.id, target: target.id, via });
        }
      }
    }
    return out;
  },
  build(data, { source, target, via }, rng) {
    const src = data.projects[source - 1];
    const dst = data.projects[target - 1];
    const s = pristineState(data);
    // The issue variant draws among the source's assigned open issues whose assignee is not in the target.
    let who = person(data, src, via)!;
    if (via === 'issue') {
      for (let tries = 0; tries < 8; tries++) {
        const drawn = person(data, src, via, rng)!;
        if (!roleOf(s, dst, drawn.username)) { who = drawn; break; }
      }
    }
    const name = nameOf(data, who.username);
    const role = pick(rng, ROLE_CHOICES);
    const find = via === 'commit'
      ? [clickLink('Commits')]
      : [clickLink('Issues'), typeInto('Search or filter results', who.issueTitle!, true), clickLink(who.issueTitle!)];
    return {
      template: via === 'commit' ? 0 : 1,
      instantiation: via === 'commit' ? { source: src.name, project: dst.name, role } as Record<string, string> : { issue: who.issueTitle!, source: src.name, project: dst.name, role },
      startUrl: GITLAB,
      eval: {
        kind: 'program_html',
        targets: [{
          url: projectUrl(dst, '/-/project_members'),
          locator: "[...document.querySelectorAll('#members li')].map((li) => li.dataset.user + ':' + li.dataset.role).join(' ')",
          required_contents: { must_include: [`${who.username}:${role}`] },
        }],
      },
      oracle: [...openProject(src), ...find, ...openProject(dst), clickLink('Members'), typeInto('Username or name', name), selectOption('Role', role), clickButton('Invite'), stop()],
      subgoals: [
        via === 'commit'
          ? urlGoal(`Open the commits of ${src.name} (latest by ${name})`, projectPattern(src, '/-/commits/main'))
          : urlGoal(`Open the issue "${who.issueTitle}" (assigned to ${name})`, issuePagePattern(src)),
        urlGoal(`Open the members of ${dst.name}`, projectPattern(dst, '/-/project_members')),
        stateGoal(`Add ${name} as ${role}`, 'code.member_added', { project: dst.fullPath, username: who.username, role }),
      ],
    };
  },
});
