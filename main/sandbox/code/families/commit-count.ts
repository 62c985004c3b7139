// Information (6 steps): how many commits a person authored on a project's main branch. Oracle: project
// search → project → Commits → Author menu → Filter → read the count.
import { projectCommits } from '../model';
import { GITLAB, clickButton, clickLink, defineCodeFamily, nameOf, openProject, paramPattern, projectPattern, selectOption, stop, urlGoal } from './common';

interface Params {
  projectId: number;
  author: string;
}

export const commitCount = defineCodeFamily<Params>({
  id: 'code/commit-count',
  kind: 'info',
  code: 409,
  description: "Count a person's commits on a project's main branch (commits page, author filter).",
  templates: ['How many commits has {{author}} authored on the main branch of the {{project}} project?'],
  enumerate: (data) => data.projects.flatMap((p) => {
    const authors = [...new Set(projectCommits(data, p.id).map((c) => c.author))];
    // At least two authors, so the total is not the answer, and at least two commits by this one.
    return authors.length < 2 ? [] : authors.filter((a) => projectCommits(data, p.id, a).length >= 2).map((author) => ({ projectId: p.id, author }));
  }),
  build(data, { projectId, author }) {
    const p = data.projects[projectId - 1];
    const n = projectCommits(data, p.id, author).length;
    const who = nameOf(data, author);
    return {
      template: 0,
      instantiation: { author: who, project: p.name },
      startUrl: GITLAB,
      eval: { kind: 'string_match', answers: { must_include: [String(n)] }, raw: `${n} of ${projectCommits(data, p.id).length} commits` },
      // The project's total, or another author's count (answer-screen.ts).
      wrongAnswers: [String(projectCommits(data, p.id).length), ...[...new Set(projectCommits(data, p.id).map((c) => c.author))].map((a) => String(projectCommits(data, p.id, a).length))],
      oracle: [...openProject(p), clickLink('Commits'), selectOption('Author', who), clickButton('Filter'), stop(String(n))],
      subgoals: [
        urlGoal(`Open the ${p.name} project`, projectPattern(p)),
        urlGoal('Open its commits', projectPattern(p, '/-/commits/main')),
        urlGoal(`Filter the commits by ${who}`, paramPattern('author', author)),
      ],
    };
  },
});
