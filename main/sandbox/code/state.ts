// The code site's mutable state for one episode, layered over the read-only dataset: stars, new issues and
// comments, issue edits (state, labels, assignee) and invited members. A fresh copy is a few empty maps and
// a five-entry set, so an episode reset costs microseconds whatever the dataset size.
import { CODE_NOW, issueKey, type CodeData, type Issue, type Member, type Note, type Project } from './data';
import type { Role } from './vocab';

export interface IssueEdit {
  state?: Issue['state'];
  labels?: string[];
  assignee?: string | null;
  updatedAt: number;
}

export interface CodeState {
  starred: Set<number>;
  /** Edits of seeded and new issues, by issueKey. */
  issueEdits: Map<string, IssueEdit>;
  newIssues: Issue[];
  newNotes: Note[];
  /** Members invited during the episode, by project id. */
  addedMembers: Map<number, Member[]>;
  /** Counts writes, so each one gets a later timestamp than the one before. */
  writes: number;
  flash: Array<{ kind: 'success' | 'error'; text: string }>;
}

export function freshCodeState(data: CodeData): CodeState {
  return { starred: new Set(data.initialStars), issueEdits: new Map(), newIssues: [], newNotes: [], addedMembers: new Map(), writes: 0, flash: [] };
}

function tick(state: CodeState): number {
  state.writes += 1;
  return CODE_NOW + state.writes * 60_000;
}

export function toggleStar(state: CodeState, projectId: number): boolean {
  if (state.starred.has(projectId)) state.starred.delete(projectId);
  else state.starred.add(projectId);
  return state.starred.has(projectId);
}

/** A seeded or new issue with the episode's edits applied. */
export function findIssue(data: CodeData, state: CodeState, projectId: number, iid: number): Issue | undefined {
  const base = data.issuesByProject.get(projectId)?.[iid - 1] ?? state.newIssues.find((i) => i.projectId === projectId && i.iid === iid);
  if (!base) return undefined;
  const edit = state.issueEdits.get(issueKey(projectId, iid));
  if (!edit) return base;
  return {
    ...base, updatedAt: edit.updatedAt, state: edit.state ?? base.state, labels: edit.labels ?? base.labels,
    assignee: edit.assignee === undefined ? base.assignee : edit.assignee,
  };
}

export function createIssue(data: CodeData, state: CodeState, p: Project, fields: { title: string; body: string; labels: string[]; assignee: string | null }): Issue {
  const iid = (data.issuesByProject.get(p.id)?.length ?? 0) + state.newIssues.filter((i) => i.projectId === p.id).length + 1;
  const now = tick(state);
  const issue: Issue = { projectId: p.id, iid, ...fields, author: data.user, state: 'opened', createdAt: now, updatedAt: now };
  state.newIssues.push(issue);
  return issue;
}

export function editIssue(data: CodeData, state: CodeState, issue: Issue, change: Omit<IssueEdit, 'updatedAt'>): void {
  const key = issueKey(issue.projectId, issue.iid);
  state.issueEdits.set(key, { ...state.issueEdits.get(key), ...change, updatedAt: tick(state) });
}

export function addNote(data: CodeData, state: CodeState, issue: Issue, body: string): Note {
  const id = 1_000_000 + state.newNotes.length + 1;
  const note: Note = { id, projectId: issue.projectId, iid: issue.iid, author: data.user, body, createdAt: tick(state) };
  state.newNotes.push(note);
  editIssue(data, state, issue, {});
  return note;
}

export function addMember(state: CodeState, p: Project, username: string, role: Role): void {
  state.addedMembers.set(p.id, [...(state.addedMembers.get(p.id) ?? []), { username, role }]);
}

const norm = (text: unknown): string => String(text ?? '').replace(/\s+/g, ' ').trim();
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Named checks for `site_state` subgoal predicates (prefix `code.`); projects are named by full path. */
export function checkCodeState(data: CodeData, state: CodeState, check: string, args: Record<string, unknown>): boolean {
  const project = (path: unknown): Project | undefined => data.projectByPath.get(String(path));
  switch (check) {
    case 'code.starred': {
      const want = args.starred ?? true;
      return ((args.projects as string[]) ?? [args.project]).every((path) => {
        const p = project(path);
        return !!p && state.starred.has(p.id) === want;
      });
    }
    case 'code.issue_created':
      return state.newIssues.some((i) => {
        const issue = findIssue(data, state, i.projectId, i.iid)!;
        return (args.project === undefined || issue.projectId === project(args.project)?.id) &&
          (args.title === undefined || norm(issue.title) === norm(args.title)) &&
          (args.labels === undefined || sameSet(issue.labels, args.labels as string[])) &&
          (args.assignee === undefined || issue.assignee === args.assignee);
      });
    case 'code.note_posted':
      return state.newNotes.some((n) => (args.project === undefined || n.projectId === project(args.project)?.id) &&
        (args.iid === undefined || n.iid === Number(args.iid)) && (args.body === undefined || norm(n.body) === norm(args.body)));
    case 'code.issues_state': {
      const p = project(args.project);
      return !!p && (args.iids as number[]).every((iid) => findIssue(data, state, p.id, iid)?.state === args.state);
    }
    case 'code.member_added': {
      const p = project(args.project);
      return !!p && (state.addedMembers.get(p.id) ?? []).some((m) => m.username === args.username && (args.role === undefined || m.role === args.role));
    }
    default:
      throw new Error(`unknown code state check: ${check}`);
  }
}
