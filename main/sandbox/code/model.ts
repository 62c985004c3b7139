// Read queries over dataset + episode state, shared by the pages and the task families (which call them with
// a pristine state to compute answers): issues with edits, filters and sorts, notes, stars, members,
// project lists and paging.
import { issueKey, type CodeData, type Commit, type Issue, type Member, type Note, type Project } from './data';
import { findIssue, freshCodeState, type CodeState } from './state';
import { ROLES, type Role } from './vocab';

export const PAGE_SIZE = 20;

const pristine = new WeakMap<CodeData, CodeState>();
/** A state with no episode writes: what families see when they compute answers. */
export function pristineState(data: CodeData): CodeState {
  let s = pristine.get(data);
  if (!s) pristine.set(data, (s = freshCodeState(data)));
  return s;
}

export function pageOf<T>(items: T[], page: number, size = PAGE_SIZE): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { items: items.slice((p - 1) * size, p * size), page: p, pages };
}

// ---- projects -------------------------------------------------------------------------------------------

export function starCount(data: CodeData, state: CodeState, p: Project): number {
  return p.stars + (state.starred.has(p.id) ? 1 : 0) - (data.initialStars.includes(p.id) ? 1 : 0);
}

export type ProjectSort = 'latest_activity_desc' | 'stars_desc' | 'name_asc' | 'created_desc';
export const PROJECT_SORTS: Array<{ key: ProjectSort; label: string }> = [
  { key: 'latest_activity_desc', label: 'Last updated' },
  { key: 'stars_desc', label: 'Most stars' },
  { key: 'name_asc', label: 'Name' },
  { key: 'created_desc', label: 'Created date' },
];

export function parseProjectSort(value: string | null): ProjectSort {
  return PROJECT_SORTS.some((s) => s.key === value) ? (value as ProjectSort) : 'latest_activity_desc';
}

export function sortProjects(data: CodeData, state: CodeState, projects: Project[], sort: ProjectSort): Project[] {
  const out = projects.slice();
  if (sort === 'stars_desc') out.sort((a, b) => starCount(data, state, b) - starCount(data, state, a) || a.name.localeCompare(b.name));
  else if (sort === 'name_asc') out.sort((a, b) => a.name.localeCompare(b.name));
  else if (sort === 'created_desc') out.sort((a, b) => b.createdAt - a.createdAt);
  else out.sort((a, b) => b.updatedAt - a.updatedAt);
  return out;
}

/** Case-insensitive substring match on name, full path or description. */
export function searchProjects(data: CodeData, q: string): Project[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return data.projects;
  return data.projects.filter((p) => `${p.name}\n${p.fullPath}\n${p.description}`.toLowerCase().includes(needle));
}

export function projectMembers(state: CodeState, p: Project): Member[] {
  return [...p.members, ...(state.addedMembers.get(p.id) ?? [])];
}

export function roleOf(state: CodeState, p: Project, username: string): Role | undefined {
  return projectMembers(state, p).find((m) => m.username === username)?.role;
}

const rank = (role: Role | undefined): number => (role ? ROLES.indexOf(role) : -1);
/** Maintainers and owners invite members. */
export const canManage = (data: CodeData, state: CodeState, p: Project): boolean => rank(roleOf(state, p, data.user)) >= ROLES.indexOf('Maintainer');
/** Reporters and above triage issues (labels, assignee, close/reopen). */
export const canTriage = (data: CodeData, state: CodeState, p: Project): boolean => rank(roleOf(state, p, data.user)) >= ROLES.indexOf('Reporter');

export function groupProjects(data: CodeData, group: string): Project[] {
  return data.projects.filter((p) => p.nsKind === 'group' && p.namespace === group);
}

export function personalProjects(data: CodeData, username: string): Project[] {
  return data.projects.filter((p) => p.nsKind === 'user' && p.namespace === username);
}

/** Projects the user is a member of (any role). */
export function memberProjects(data: CodeData, state: CodeState, username: string): Project[] {
  return data.projects.filter((p) => projectMembers(state, p).some((m) => m.username === username));
}

// ---- issues ---------------------------------------------------------------------------------------------

export function projectIssues(data: CodeData, state: CodeState, projectId: number): Issue[] {
  const base = (data.issuesByProject.get(projectId) ?? []).map((i) => (state.issueEdits.size ? findIssue(data, state, projectId, i.iid)! : i));
  const added = state.newIssues.filter((i) => i.projectId === projectId).map((i) => findIssue(data, state, projectId, i.iid)!);
  return added.length ? [...base, ...added] : base;
}

export function notesOf(data: CodeData, state: CodeState, issue: Issue): Note[] {
  const base = data.notesByIssue.get(issueKey(issue.projectId, issue.iid)) ?? [];
  const added = state.newNotes.filter((n) => n.projectId === issue.projectId && n.iid === issue.iid);
  return added.length ? [...base, ...added] : base;
}

export type IssueSort = 'created_desc' | 'updated_desc' | 'comments_desc' | 'title_asc';
export const ISSUE_SORTS: Array<{ key: IssueSort; label: string }> = [
  { key: 'created_desc', label: 'Created date' },
  { key: 'updated_desc', label: 'Last updated' },
  { key: 'comments_desc', label: 'Most comments' },
  { key: 'title_asc', label: 'Title' },
];

export interface IssueQuery {
  state: 'opened' | 'closed' | 'all';
  label: string;
  assignee: string;
  search: string;
  sort: IssueSort;
  page: number;
}

export function parseIssueQuery(q: URLSearchParams): IssueQuery {
  const st = q.get('state');
  const sort = q.get('sort');
  return {
    state: st === 'closed' || st === 'all' ? st : 'opened',
    label: (q.get('label_name') ?? '').trim(),
    assignee: (q.get('assignee_username') ?? '').trim(),
    search: (q.get('search') ?? '').trim(),
    sort: ISSUE_SORTS.some((s) => s.key === sort) ? (sort as IssueSort) : 'created_desc',
    page: Math.max(1, Math.floor(Number(q.get('page')) || 1)),
  };
}

/** The issues matching every filter but the state tab, so the tabs can show their counts. */
export function filterIssues(data: CodeData, state: CodeState, issues: Issue[], q: Omit<IssueQuery, 'state' | 'page' | 'sort'>): Issue[] {
  const words = q.search.toLowerCase().split(/\s+/).filter(Boolean);
  return issues.filter((i) =>
    (!q.label || i.labels.includes(q.label)) &&
    (!q.assignee || (q.assignee === 'None' ? i.assignee === null : i.assignee === q.assignee)) &&
    words.every((w) => `${i.title}\n${i.body}`.toLowerCase().includes(w) || `#${i.iid}` === w));
}

export function sortIssues(data: CodeData, state: CodeState, issues: Issue[], sort: IssueSort): Issue[] {
  const keyed = issues.map((i) => ({ i, n: sort === 'comments_desc' ? notesOf(data, state, i).length : 0 }));
  keyed.sort((a, b) => {
    if (sort === 'comments_desc') return b.n - a.n || b.i.iid - a.i.iid;
    if (sort === 'updated_desc') return b.i.updatedAt - a.i.updatedAt || b.i.iid - a.i.iid;
    if (sort === 'title_asc') return a.i.title.localeCompare(b.i.title);
    return b.i.iid - a.i.iid;
  });
  return keyed.map((k) => k.i);
}

/** Issues of a project for one query: filters, state tab and sort (not paged). */
export function queryIssues(data: CodeData, state: CodeState, projectId: number, q: IssueQuery): Issue[] {
  const filtered = filterIssues(data, state, projectIssues(data, state, projectId), q);
  return sortIssues(data, state, q.state === 'all' ? filtered : filtered.filter((i) => i.state === q.state), q.sort);
}

// ---- commits --------------------------------------------------------------------------------------------

export function projectCommits(data: CodeData, projectId: number, author = ''): Commit[] {
  const all = data.commitsByProject.get(projectId) ?? [];
  return author ? all.filter((c) => c.author === author) : all;
}

export function displayName(data: CodeData, username: string): string {
  return data.userByName.get(username)?.name ?? username;
}
