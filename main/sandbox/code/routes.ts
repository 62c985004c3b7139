// Request handling for the code site: GET pages and POST forms (every successful POST answers 303 See Other).
// URLs follow GitLab: /<namespace>/<project>/-/issues/<iid>, /groups/<path>, /users/<username>, /explore.
import type { SiteRequest, SiteResponse } from '../site';
import type { CodeData, Project } from './data';
import { canManage, canTriage, parseIssueQuery, parseProjectSort, roleOf } from './model';
import { addMember, addNote, createIssue, editIssue, findIssue, toggleStar, type CodeState } from './state';
import { ROLES, type Role } from './vocab';
import {
  renderExplore, renderGroup, renderGroups, renderHelp, renderHome, renderMyIssues, renderNotFound, renderStarred, renderUser,
} from './views/explore';
import { renderIssue, renderIssues, renderNewIssue, type IssueFields } from './views/issues';
import { codePaths } from './views/layout';
import { parseMrState, renderMr, renderMrs } from './views/merge-requests';
import {
  renderBlob, renderBranches, renderCommit, renderCommits, renderLabels, renderMembers, renderOverview, renderSettings, renderTree,
} from './views/project';
import { orNotFound, pathParts } from '../route-kit';

type CodeRequest = SiteRequest<CodeData, CodeState>;

const ok = (html: string | null): SiteResponse | null => (html === null ? null : { status: 200, html });
const see = (redirect: string): SiteResponse => ({ status: 303, redirect });
const pageParam = (q: URLSearchParams): number => Math.max(1, Math.floor(Number(q.get('page')) || 1));

function handleGlobal(req: CodeRequest, parts: string[]): SiteResponse | null {
  const { data, state, query } = req;
  const [head, second] = parts;
  const sort = parseProjectSort(query.get('sort'));
  if (parts.length === 0) return ok(renderHome(data, state, sort, pageParam(query), state.flash.splice(0)));
  if (head === 'dashboard' && second === 'starred' && parts.length === 2) return ok(renderStarred(data, state, sort, pageParam(query), state.flash.splice(0)));
  if (head === 'dashboard' && second === 'issues' && parts.length === 2) return ok(renderMyIssues(data, state, pageParam(query), state.flash.splice(0)));
  if (head === 'explore' && parts.length <= 2 && (!second || second === 'projects')) {
    return ok(renderExplore(data, state, (query.get('search') ?? '').trim(), sort, pageParam(query), state.flash.splice(0)));
  }
  if (head === 'groups' && parts.length === 1) return ok(renderGroups(data, state.flash.splice(0)));
  if (head === 'groups' && parts.length === 2 && data.groupByPath.has(second)) return ok(renderGroup(data, state, second, sort, pageParam(query), state.flash.splice(0)));
  if (head === 'users' && parts.length === 2 && data.userByName.has(second)) return ok(renderUser(data, state, second, state.flash.splice(0)));
  if (head === 'help' && parts.length === 1) return ok(renderHelp(data));
  return null;
}

function handleProjectGet(req: CodeRequest, p: Project, rest: string[]): SiteResponse | null {
  const { data, state, query } = req;
  if (rest.length === 0) return ok(renderOverview(data, state, p, state.flash.splice(0)));
  if (rest[0] !== '-') return null;
  const [, section, a, ...tail] = rest;
  switch (section) {
    case 'tree':
      return a === 'main' ? ok(renderTree(data, p, tail.join('/'))) : null;
    case 'blob':
      return a === 'main' && tail.length ? ok(renderBlob(data, p, tail.join('/'))) : null;
    case 'commits':
      return a === 'main' && !tail.length ? ok(renderCommits(data, p, (query.get('author') ?? '').trim(), pageParam(query))) : null;
    case 'commit':
      return a && !tail.length ? ok(renderCommit(data, p, a)) : null;
    case 'branches':
      return rest.length === 2 ? ok(renderBranches(data, p)) : null;
    case 'labels':
      return rest.length === 2 ? ok(renderLabels(data, state, p)) : null;
    case 'project_members':
      return rest.length === 2 ? ok(renderMembers(data, state, p, state.flash.splice(0))) : null;
    case 'settings':
      return rest.length === 2 ? ok(renderSettings(data, state, p)) : null;
    case 'merge_requests': {
      if (rest.length === 2) return ok(renderMrs(data, p, parseMrState(query.get('state')), pageParam(query)));
      const mr = rest.length === 3 ? data.mrsByProject.get(p.id)?.find((m) => m.iid === Number(a)) : undefined;
      return mr ? ok(renderMr(data, p, mr)) : null;
    }
    case 'issues': {
      if (rest.length === 2) return ok(renderIssues(data, state, p, parseIssueQuery(query), state.flash.splice(0)));
      if (a === 'new' && rest.length === 3) return ok(renderNewIssue(data, state, p, { title: '', body: '', label: '', assignee: '' }, []));
      const issue = rest.length === 3 && /^\d+$/.test(a) ? findIssue(data, state, p.id, Number(a)) : undefined;
      return issue ? ok(renderIssue(data, state, p, issue, state.flash.splice(0))) : null;
    }
    default:
      return null;
  }
}

function handleProjectPost(req: CodeRequest, p: Project, rest: string[]): SiteResponse | null {
  const { data, state, form } = req;
  const text = (key: string): string => (form.get(key) ?? '').replace(/\r\n/g, '\n').trim();
  const flash = (kind: 'success' | 'error', message: string) => state.flash.push({ kind, text: message });
  if (rest[0] !== '-') return null;
  const [, section, a, action] = rest;
  if (section === 'star' && rest.length === 2) {
    flash('success', toggleStar(state, p.id) ? `You starred ${p.name}.` : `You unstarred ${p.name}.`);
    return see(codePaths.project(p));
  }
  if (section === 'project_members' && rest.length === 2) {
    if (!canManage(data, state, p)) return { status: 403, html: renderNotFound(data) };
    const who = text('user').replace(/^@/, '').toLowerCase();
    const user = data.users.find((u) => u.username.toLowerCase() === who || u.name.toLowerCase() === who);
    const role = (ROLES as readonly string[]).includes(text('role')) ? (text('role') as Role) : 'Guest';
    if (!user) flash('error', `No user matches "${text('user')}".`);
    else if (roleOf(state, p, user.username)) flash('error', `${user.name} is already a member of ${p.name}.`);
    else {
      addMember(state, p, user.username, role);
      flash('success', `${user.name} was added to ${p.name} as ${role}.`);
    }
    return see(codePaths.members(p));
  }
  if (section !== 'issues') return null;
  if (rest.length === 2) {
    const fields: IssueFields = { title: text('title'), body: text('body'), label: text('label'), assignee: text('assignee') };
    const errors = [
      ...(fields.title ? [] : ['Title can\'t be blank.']),
      ...(fields.label && !p.labels.includes(fields.label) ? ['Unknown label.'] : []),
      ...(fields.assignee && !roleOf(state, p, fields.assignee) ? ['The assignee must be a project member.'] : []),
    ];
    if (errors.length) return { status: 200, html: renderNewIssue(data, state, p, fields, errors) };
    const issue = createIssue(data, state, p, { title: fields.title, body: fields.body, labels: fields.label ? [fields.label] : [], assignee: fields.assignee || null });
    flash('success', `Issue #${issue.iid} was created.`);
    return see(codePaths.issue(p, issue.iid));
  }
  const issue = rest.length === 4 && /^\d+$/.test(a) ? findIssue(data, state, p.id, Number(a)) : undefined;
  if (!issue) return null;
  const back = codePaths.issue(p, issue.iid);
  if (action === 'notes') {
    if (!text('body')) flash('error', 'The comment must not be empty.');
    else {
      const note = addNote(data, state, issue, text('body'));
      flash('success', 'Your comment was added.');
      return see(`${back}#note-${note.id}`);
    }
    return see(back);
  }
  if (!canTriage(data, state, p)) {
    flash('error', 'You need at least the Reporter role to change this issue.');
    return see(back);
  }
  if (action === 'close' || action === 'reopen') {
    editIssue(data, state, issue, { state: action === 'close' ? 'closed' : 'opened' });
    flash('success', action === 'close' ? `Issue #${issue.iid} was closed.` : `Issue #${issue.iid} was reopened.`);
  } else if (action === 'assignee') {
    const who = text('assignee');
    if (who && !roleOf(state, p, who)) flash('error', 'The assignee must be a project member.');
    else editIssue(data, state, issue, { assignee: who || null });
  } else if (action === 'labels') {
    const add = text('add');
    const remove = text('remove');
    if (add && p.labels.includes(add) && !issue.labels.includes(add)) editIssue(data, state, issue, { labels: [...issue.labels, add] });
    if (remove) editIssue(data, state, issue, { labels: issue.labels.filter((l) => l !== remove) });
  } else return null;
  return see(back);
}

export function handleCode(req: CodeRequest): SiteResponse {
  const parts = pathParts(req.path);
  const isGet = req.method === 'GET' || req.method === 'HEAD';
  let res: SiteResponse | null = isGet ? handleGlobal(req, parts) : null;
  if (!res && parts.length >= 2) {
    const p = req.data.projectByPath.get(`${parts[0]}/${parts[1]}`);
    if (p) res = isGet ? handleProjectGet(req, p, parts.slice(2)) : req.method === 'POST' ? handleProjectPost(req, p, parts.slice(2)) : null;
  }
  return orNotFound(req.method, res, () => renderNotFound(req.data));
}
