// Information (4 steps): read a value from a file in a project's repository: the version in its manifest,
// or for Go projects the module path in go.mod. Oracle: project search → project → the file → answer.
import { MANIFEST } from '../files';
import { GITLAB, clickLink, defineCodeFamily, openProject, paramPattern, projectPattern, stop, urlGoal } from './common';

interface Params {
  projectId: number;
}

export const projectVersion = defineCodeFamily<Params>({
  id: 'code/project-version',
  kind: 'info',
  code: 401,
  description: "Read the version from a project's manifest file (or the module path from go.mod) in the repository view.",
  templates: [
    'What version number does the {{file}} file of the {{project}} project declare?',
    'What module path is declared in the {{file}} file of the {{project}} project?',
  ],
  enumerate: (data) => data.projects.map((p) => ({ projectId: p.id })),
  build(data, { projectId }) {
    const p = data.projects[projectId - 1];
    const file = MANIFEST[p.language] ?? 'go.mod';
    const answer = MANIFEST[p.language] ? p.version : `example.com/${p.fullPath}`;
    return {
      template: MANIFEST[p.language] ? 0 : 1,
      instantiation: { file, project: p.name },
      startUrl: GITLAB,
      eval: { kind: 'string_match', answers: { must_include: [answer] }, raw: `${file} of ${p.fullPath}: ${answer}` },
      oracle: [...openProject(p), clickLink(file), stop(answer)],
      subgoals: [
        urlGoal(`Search for the ${p.name} project`, paramPattern('search', p.name)),
        urlGoal(`Open the ${p.name} project`, projectPattern(p)),
        urlGoal(`Open ${file}`, projectPattern(p, `/-/blob/main/${file}`)),
      ],
    };
  },
});
