// Information over several list pages (6–8 steps): the short SHA of a project's very first commit. The
// commits list is newest first, 20 a page, so the answer sits at the bottom of the last page. Oracle:
// project search → project → Commits → Next until the last page → read the last row.
import { PAGE_SIZE, projectCommits } from '../model';
import { GITLAB, clickLink, defineCodeFamily, openProject, paramPattern, projectPattern, stop, textGoal, urlGoal } from './common';

interface Params {
  projectId: number;
}

export const firstCommit = defineCodeFamily<Params>({
  id: 'code/first-commit',
  kind: 'info',
  code: 411,
  description: "Give the short SHA of a project's first commit (commits list, paging to the last page).",
  templates: ['What is the short SHA (first 8 characters) of the very first commit on the main branch of the {{project}} project?'],
  // Only projects whose history spans at least two pages, so paging is needed.
  enumerate: (data) => data.projects.filter((p) => projectCommits(data, p.id).length > PAGE_SIZE).map((p) => ({ projectId: p.id })),
  build(data, { projectId }) {
    const p = data.projects[projectId - 1];
    const commits = projectCommits(data, p.id);
    const first = commits[commits.length - 1];
    const sha = first.sha.slice(0, 8);
    const pages = Math.ceil(commits.length / PAGE_SIZE);
    return {
      template: 0,
      instantiation: { project: p.name },
      startUrl: GITLAB,
      eval: { kind: 'string_match', answers: { must_include: [sha] }, raw: `${sha} "${first.title}" (${commits.length} commits)` },
      oracle: [...openProject(p), clickLink('Commits'), ...Array.from({ length: pages - 1 }, () => clickLink('Next')), stop(sha)],
      subgoals: [
        urlGoal(`Open the commits of ${p.name}`, projectPattern(p, '/-/commits/main')),
        urlGoal('Go on to the next page of commits', paramPattern('page', 2)),
        textGoal(`Reach the last page (page ${pages}), where the first commit is`, `Page ${pages} of ${pages}`),
      ],
    };
  },
});
