// Information (5–6 steps): the source branch of a merge request named by its title. Merged and closed ones
// hide behind the list's state tabs. Oracle: project search → project → Merge requests → (All) → the merge
// request → read "Request to merge <branch> into main".
import { GITLAB, clickLink, defineCodeFamily, openProject, projectPattern, stop, textGoal, urlGoal } from './common';

interface Params {
  projectId: number;
  iid: number;
}

export const mrSourceBranch = defineCodeFamily<Params>({
  id: 'code/mr-source-branch',
  kind: 'info',
  code: 412,
  description: 'Name the source branch of a merge request found by its title (merge request list with state tabs, detail page).',
  templates: ['Which source branch does the merge request "{{title}}" in the {{project}} project want to merge into main?'],
  enumerate: (data) => data.projects.flatMap((p) => {
    const mrs = data.mrsByProject.get(p.id) ?? [];
    // Titles repeat when two merge requests address one issue; only unambiguous ones qualify.
    return mrs.filter((m) => mrs.filter((x) => x.title === m.title).length === 1).map((m) => ({ projectId: p.id, iid: m.iid }));
  }),
  build(data, { projectId, iid }) {
    const p = data.projects[projectId - 1];
    const mr = data.mrsByProject.get(p.id)!.find((m) => m.iid === iid)!;
    return {
      template: 0,
      instantiation: { title: mr.title, project: p.name },
      startUrl: GITLAB,
      eval: { kind: 'string_match', answers: { must_include: [mr.source] }, raw: `!${mr.iid} (${mr.state}): ${mr.source} → ${mr.target}` },
      oracle: [...openProject(p), clickLink('Merge requests'), ...(mr.state === 'opened' ? [] : [clickLink('All')]), clickLink(mr.title), stop(mr.source)],
      subgoals: [
        urlGoal(`Open the merge requests of ${p.name}`, projectPattern(p, '/-/merge_requests')),
        urlGoal(`Open "${mr.title}" (!${mr.iid})`, projectPattern(p, `/-/merge_requests/${mr.iid}`)),
        textGoal('Read its source branch', `Request to merge ${mr.source} into main`),
      ],
    };
  },
});
