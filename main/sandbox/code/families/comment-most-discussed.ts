// State change (10–11 steps): comment on the open (or closed) issue with the most comments in a project.
// Oracle: project search → project → Issues → (Closed tab) → Sort by "Most comments" → Apply → the first
// issue → Comment → submit.
import type { CodeData, Issue } from '../data';
import { notesOf, projectIssues, pristineState } from '../model';
import {
  GITLAB, clickButton, clickLink, defineCodeFamily, openProject, paramPattern, projectPattern, projectUrl, selectOption, stateGoal, stop, typeInto,
  uniqueMax, urlGoal,
} from './common';
import { newComment } from './text';

interface Params {
  projectId: number;
  state: Issue['state'];
}

function target(data: CodeData, { projectId, state }: Params): Issue | undefined {
  const s = pristineState(data);
  const issues = projectIssues(data, s, projectId).filter((i) => i.state === state);
  return issues.length >= 3 ? uniqueMax(issues, (i) => notesOf(data, s, i).length) : undefined;
}

export const commentMostDiscussed = defineCodeFamily<Params>({
  id: 'code/comment-most-discussed',
  kind: 'change',
  code: 405,
  description: 'Comment on the open or closed issue with the most comments in a project (state tab, sort menu, issue page, comment form).',
  templates: [
    'In the {{project}} project, add the comment "{{text}}" to the open issue that has the most comments.',
    'In the {{project}} project, add the comment "{{text}}" to the closed issue that has the most comments.',
  ],
  enumerate: (data) => data.projects.flatMap((p) => (['opened', 'closed'] as const).map((state) => ({ projectId: p.id, state })).filter((x) => target(data, x))),
  build(data, params, rng) {
    const p = data.projects[params.projectId - 1];
    const issue = target(data, params)!;
    const text = newComment(rng);
    return {
      template: params.state === 'opened' ? 0 : 1,
      instantiation: { project: p.name, text },
      startUrl: GITLAB,
      eval: {
        kind: 'program_html',
        targets: [{ url: projectUrl(p, `/-/issues/${issue.iid}`), locator: "document.querySelector('#notes').outerText", required_contents: { must_include: [text] } }],
      },
      oracle: [
        ...openProject(p), clickLink('Issues'), ...(params.state === 'closed' ? [clickLink('Closed')] : []),
        selectOption('Sort by', 'Most comments'), clickButton('Apply'), clickLink(issue.title), typeInto('Comment', text), clickButton('Comment'), stop(),
      ],
      subgoals: [
        urlGoal(`Open the issues of ${p.name}`, projectPattern(p, '/-/issues')),
        urlGoal('Sort them by the number of comments', paramPattern('sort', 'comments_desc')),
        urlGoal(`Open "${issue.title}" (${notesOf(data, pristineState(data), issue).length} comments)`, projectPattern(p, `/-/issues/${issue.iid}`)),
        stateGoal('Post the comment', 'code.note_posted', { project: p.fullPath, iid: issue.iid, body: text }),
      ],
    };
  },
});
