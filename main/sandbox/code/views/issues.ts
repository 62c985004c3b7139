// A project's issues: the list (state tabs with counts, search, label / assignee filters, sort, paging), one
// issue (description, labels, assignee, close/reopen, comments and the comment form) and the new-issue form.
import { html, queryString, raw, type SafeHtml } from '../../html';
import { ago, formatDate, type CodeData, type Issue, type Project } from '../data';
import {
  ISSUE_SORTS, canTriage, displayName, filterIssues, notesOf, pageOf, projectIssues, projectMembers, queryIssues, type IssueQuery,
} from '../model';
import type { CodeState } from '../state';
import { codeLayout, codePaths, labelLink, pager, plural, userLink, type Flash } from './layout';

/** The list URL for a query; defaults are left out. */
export function issuesHref(p: Project, q: IssueQuery, change: Partial<IssueQuery> = {}): string {
  const x = { ...q, ...change };
  return codePaths.issues(p) + queryString({
    state: x.state === 'opened' ? undefined : x.state, search: x.search, label_name: x.label, assignee_username: x.assignee,
    sort: x.sort === 'created_desc' ? undefined : x.sort, page: x.page > 1 ? x.page : undefined,
  });
}

const option = (value: string, label: string, selected: boolean): SafeHtml => html`<option value="${value}"${selected ? raw(' selected') : ''}>${label}</option>`;

function assigneeOptions(data: CodeData, state: CodeState, p: Project): Array<{ username: string; name: string }> {
  return projectMembers(state, p).map((m) => ({ username: m.username, name: displayName(data, m.username) })).sort((a, b) => a.name.localeCompare(b.name));
}

function issueRow(data: CodeData, state: CodeState, p: Project, i: Issue): SafeHtml {
  const n = notesOf(data, state, i).length;
  return html`<li class="issue" data-iid="${i.iid}" data-state="${i.state}"><a class="title" href="${codePaths.issue(p, i.iid)}">${i.title}</a>
    ${i.state === 'closed' ? html` <span class="label">Closed</span>` : ''} ${i.labels.map((l) => labelLink(p, l))}
    <div class="meta">#${i.iid} · opened ${ago(i.createdAt)} by ${displayName(data, i.author)} · ${i.assignee ? `Assignee: ${displayName(data, i.assignee)}` : 'Unassigned'} · <span class="comments">${plural(n, 'comment')}</span> · updated ${ago(i.updatedAt)}</div></li>`;
}

export function renderIssues(data: CodeData, state: CodeState, p: Project, q: IssueQuery, flash: Flash): string {
  const filtered = filterIssues(data, state, projectIssues(data, state, p.id), q);
  const counts = { opened: filtered.filter((i) => i.state === 'opened').length, closed: filtered.filter((i) => i.state === 'closed').length, all: filtered.length };
  const tab = (key: IssueQuery['state'], label: string) => (key === q.state
    ? html`<strong aria-current="page">${label}</strong><span class="badge">${counts[key]}</span>`
    : html`<a href="${issuesHref(p, q, { state: key, page: 1 })}">${label}</a><span class="badge">${counts[key]}</span>`);
  const list = queryIssues(data, state, p.id, q);
  const slice = pageOf(list, q.page);
  const body = html`<h1>Issues</h1>
    <nav class="tabs" aria-label="Issue state">${tab('opened', 'Open')}${tab('closed', 'Closed')}${tab('all', 'All')}<a href="${codePaths.newIssue(p)}" style="margin-left:auto">New issue</a></nav>
    <form class="filters" method="get" action="${codePaths.issues(p)}"><input type="hidden" name="state" value="${q.state}">
      <div class="field"><label for="issue-search">Search or filter results</label><input id="issue-search" type="text" name="search" value="${q.search}"></div>
      <div class="field"><label for="f-label">Label</label><select id="f-label" name="label_name">${option('', 'Any label', !q.label)}${p.labels.map((l) => option(l, l, l === q.label))}</select></div>
      <div class="field"><label for="f-assignee">Assignee</label><select id="f-assignee" name="assignee_username">${option('', 'Any assignee', !q.assignee)}${option('None', 'None', q.assignee === 'None')}${assigneeOptions(data, state, p).map((a) => option(a.username, a.name, a.username === q.assignee))}</select></div>
      <div class="field"><label for="f-sort">Sort by</label><select id="f-sort" name="sort">${ISSUE_SORTS.map((s) => option(s.key, s.label, s.key === q.sort))}</select></div>
      <button type="submit">Apply</button></form>
    ${slice.items.length ? html`<ul class="rows" id="issue-list">${slice.items.map((i) => issueRow(data, state, p, i))}</ul>` : html`<p id="issue-list">No issues match these filters.</p>`}
    ${pager((n) => issuesHref(p, q, { page: n }), slice.page, slice.pages)}`;
  return codeLayout({ data, flash, title: `Issues · ${p.name}`, body, project: p, section: 'issues', crumbs: [{ label: 'Issues' }] });
}

function issueSidebar(data: CodeData, state: CodeState, p: Project, i: Issue): SafeHtml {
  const triage = canTriage(data, state, p);
  const base = codePaths.issue(p, i.iid);
  const assignee = html`<h3>Assignee</h3><p id="assignee">${i.assignee ? userLink(data, i.assignee) : 'None'}</p>${triage ? html`<form method="post" action="${base}/assignee">
    <div class="field"><label for="set-assignee">Assignee</label><select id="set-assignee" name="assignee">${option('', 'Unassigned', !i.assignee)}${assigneeOptions(data, state, p).map((a) => option(a.username, a.name, a.username === i.assignee))}</select></div>
    <button type="submit" class="secondary">Save assignee</button></form>` : ''}`;
  const labels = html`<h3>Labels</h3><div id="labels">${i.labels.length ? i.labels.map((l) => html`<span>${labelLink(p, l)}${triage ? html`<form method="post" action="${base}/labels" style="display:inline"><input type="hidden" name="remove" value="${l}"><button type="submit" class="secondary" aria-label="Remove label ${l}">×</button></form>` : ''}</span> `) : 'None'}</div>
    ${triage ? html`<form method="post" action="${base}/labels"><div class="field"><label for="add-label">Add label</label><select id="add-label" name="add">${p.labels.filter((l) => !i.labels.includes(l)).map((l) => option(l, l, false))}</select></div><button type="submit" class="secondary">Add label</button></form>` : ''}`;
  return html`<aside id="issue-sidebar">${assignee}${labels}<h3>Participants</h3><p>${[...new Set([i.author, ...notesOf(data, state, i).map((n) => n.author)])].length}</p></aside>`;
}

export function renderIssue(data: CodeData, state: CodeState, p: Project, i: Issue, flash: Flash): string {
  const notes = notesOf(data, state, i);
  const base = codePaths.issue(p, i.iid);
  const toggle = canTriage(data, state, p)
    ? html`<form method="post" action="${base}/${i.state === 'opened' ? 'close' : 'reopen'}"><button type="submit" class="${i.state === 'opened' ? 'danger' : 'secondary'}">${i.state === 'opened' ? 'Close issue' : 'Reopen issue'}</button></form>`
    : '';
  const body = html`<div class="cols" id="issue"><div class="main">
    <p><span class="label" id="issue-state">${i.state === 'opened' ? 'Open' : 'Closed'}</span> Issue #${i.iid} created ${ago(i.createdAt)} (${formatDate(i.createdAt)}) by ${userLink(data, i.author)}</p>
    <h1 id="issue-title">${i.title}</h1><div id="description"><p>${i.body}</p></div>${toggle}
    <section id="notes"><h2>Activity</h2><p>${plural(notes.length, 'comment')}</p><ul class="rows">${notes.map((n) => html`<li id="note-${n.id}">${userLink(data, n.author)} <span class="meta">commented ${ago(n.createdAt)}</span><p class="note-body">${n.body}</p></li>`)}</ul></section>
    <form method="post" action="${base}/notes" class="field"><label for="note-body">Comment</label><textarea id="note-body" name="body" rows="3"></textarea><button type="submit">Comment</button></form>
  </div>${issueSidebar(data, state, p, i)}</div>`;
  return codeLayout({ data, flash, title: `${i.title} (#${i.iid}) · ${p.name}`, body, project: p, section: 'issues', crumbs: [{ label: 'Issues', href: codePaths.issues(p) }, { label: `#${i.iid}` }] });
}

export interface IssueFields {
  title: string;
  body: string;
  label: string;
  assignee: string;
}

export function renderNewIssue(data: CodeData, state: CodeState, p: Project, f: IssueFields, errors: string[]): string {
  const body = html`<h1>New issue</h1>${errors.map((e) => html`<div class="msg error" role="alert">${e}</div>`)}
    <form method="post" action="${codePaths.issues(p)}" id="new-issue">
      <div class="field"><label for="i-title">Title</label><input id="i-title" name="title" type="text" maxlength="255" value="${f.title}"></div>
      <div class="field"><label for="i-body">Description</label><textarea id="i-body" name="body" rows="5">${f.body}</textarea></div>
      <div class="field"><label for="i-assignee">Assignee</label><select id="i-assignee" name="assignee">${option('', 'Unassigned', !f.assignee)}${assigneeOptions(data, state, p).map((a) => option(a.username, a.name, a.username === f.assignee))}</select></div>
      <div class="field"><label for="i-label">Label</label><select id="i-label" name="label">${option('', 'No label', !f.label)}${p.labels.map((l) => option(l, l, l === f.label))}</select></div>
      <button type="submit">Create issue</button> <a href="${codePaths.issues(p)}">Cancel</a></form>`;
  return codeLayout({ data, title: `New issue · ${p.name}`, body, project: p, section: 'issues', crumbs: [{ label: 'Issues', href: codePaths.issues(p) }, { label: 'New' }] });
}
