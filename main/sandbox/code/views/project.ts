// Project pages other than issues and merge requests: overview (star button, stats, root files, README),
// repository tree and file view, commits (author filter, paging) and one commit, branches, labels,
// members (with the invite form for maintainers) and settings.
import { html, queryString, raw, type SafeHtml } from '../../html';
import { ago, formatDate, type CodeData, type Project } from '../data';
import { findFile, treeEntries } from '../files';
import { canManage, displayName, pageOf, projectCommits, projectIssues, projectMembers, starCount } from '../model';
import type { CodeState } from '../state';
import { ROLES } from '../vocab';
import { codeLayout, codePaths, labelLink, pager, plural, userLink, type Flash } from './layout';

/** Headings and paragraphs of a README; enough markdown for generated files. */
function markdown(text: string): SafeHtml {
  return html`${text.split('\n\n').map((block) => {
    const h = /^(#+) (.*)$/.exec(block);
    return h ? html`<h${raw(String(Math.min(6, h[1].length + 1)))}>${h[2]}</h${raw(String(Math.min(6, h[1].length + 1)))}>` : html`<p>${block}</p>`;
  })}`;
}

function fileTable(p: Project, dir: string): SafeHtml {
  const entries = treeEntries(p, dir) ?? [];
  const up = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  return html`<ul class="rows" id="tree">${dir ? html`<li><a href="${codePaths.tree(p, up)}">..</a></li>` : ''}${entries.map((e) => html`<li>${e.kind === 'tree' ? '📁 ' : '📄 '}<a href="${e.kind === 'tree' ? codePaths.tree(p, e.path) : codePaths.blob(p, e.path)}">${e.name}</a></li>`)}</ul>`;
}

export function starForm(state: CodeState, p: Project, count: number): SafeHtml {
  const on = state.starred.has(p.id);
  return html`<form method="post" action="${codePaths.star(p)}" class="star"><button type="submit" class="secondary" aria-pressed="${on ? 'true' : 'false'}">${on ? 'Unstar' : 'Star'}</button> <span id="star-count">${count}</span></form>`;
}

export function renderOverview(data: CodeData, state: CodeState, p: Project, flash: Flash): string {
  const open = projectIssues(data, state, p.id).filter((i) => i.state === 'opened').length;
  const readme = findFile(p, 'README.md')!;
  const body = html`<div class="cols"><div class="main"><h1 id="project-title">${p.name}</h1><p class="meta">Project ID: ${p.id}</p><p>${p.description}</p>
    ${starForm(state, p, starCount(data, state, p))}
    <ul class="meta" id="stats"><li><a href="${codePaths.commits(p)}">${plural(projectCommits(data, p.id).length, 'Commit')}</a></li>
      <li><a href="${codePaths.branches(p)}">${p.branches.length} ${p.branches.length === 1 ? 'Branch' : 'Branches'}</a></li><li>${plural(p.forks, 'fork')}</li>
      <li><a href="${codePaths.issues(p)}">${plural(open, 'open issue')}</a></li><li>Language: ${p.language}</li></ul>
    <h2>Files</h2>${fileTable(p, '')}<section id="readme"><h2>README.md</h2>${markdown(readme.content)}</section></div>
    <aside><h2>Project information</h2><p>Created on ${formatDate(p.createdAt)}</p><p>Last activity ${ago(p.updatedAt)}</p>
      <p><a href="${codePaths.members(p)}">${plural(projectMembers(state, p).length, 'member')}</a></p></aside></div>`;
  return codeLayout({ data, flash, title: p.name, body, project: p, section: 'overview' });
}

export function renderTree(data: CodeData, p: Project, dir: string): string | null {
  if (dir && !treeEntries(p, dir)) return null;
  const body = html`<h1>${dir || p.name}</h1><p class="meta">Branch: main</p>${fileTable(p, dir)}`;
  return codeLayout({ data, title: `Files · ${p.name}`, body, project: p, section: 'files', crumbs: [{ label: 'Files', href: codePaths.tree(p) }, ...(dir ? [{ label: dir }] : [])] });
}

export function renderBlob(data: CodeData, p: Project, path: string): string | null {
  const file = findFile(p, path);
  if (!file) return null;
  const body = html`<h1>${path.split('/').pop()}</h1><p class="meta">${path} · ${plural(file.content.split('\n').length, 'line')}</p>
    <pre id="blob-content">${file.content}</pre>`;
  return codeLayout({ data, title: `${path} · ${p.name}`, body, project: p, section: 'files', crumbs: [{ label: 'Files', href: codePaths.tree(p) }, { label: path }] });
}

export function renderCommits(data: CodeData, p: Project, author: string, page: number): string {
  const all = projectCommits(data, p.id);
  const authors = [...new Set(all.map((c) => c.author))].sort((a, b) => displayName(data, a).localeCompare(displayName(data, b)));
  const commits = projectCommits(data, p.id, author);
  const slice = pageOf(commits, page);
  const here = (n: number) => codePaths.commits(p) + queryString({ author, page: n > 1 ? n : undefined });
  const body = html`<h1>Commits</h1>
    <form class="filters" method="get" action="${codePaths.commits(p)}"><div class="field"><label for="author">Author</label><select id="author" name="author">
      <option value="">Any author</option>${authors.map((a) => html`<option value="${a}"${a === author ? raw(' selected') : ''}>${displayName(data, a)}</option>`)}</select></div>
      <button type="submit">Filter</button></form>
    <p id="commit-count">${plural(commits.length, 'commit')}${author ? ` by ${displayName(data, author)}` : ''} on main</p>
    <ul class="rows" id="commits">${slice.items.map((c) => html`<li><a href="${codePaths.commit(p, c.sha)}">${c.title}</a>
      <div class="meta">${userLink(data, c.author)} authored ${ago(c.createdAt)} · <code>${c.sha.slice(0, 8)}</code></div></li>`)}</ul>
    ${pager(here, slice.page, slice.pages)}`;
  return codeLayout({ data, title: `Commits · ${p.name}`, body, project: p, section: 'commits', crumbs: [{ label: 'Commits' }] });
}

export function renderCommit(data: CodeData, p: Project, sha: string): string | null {
  const c = projectCommits(data, p.id).find((x) => x.sha === sha || x.sha.slice(0, 8) === sha);
  if (!c) return null;
  const body = html`<h1>${c.title}</h1><p>Commit <code>${c.sha}</code></p><p>${userLink(data, c.author)} authored on ${formatDate(c.createdAt)}</p>
    <p><a href="${codePaths.commits(p)}">Browse all commits</a> · <a href="${codePaths.tree(p)}">Browse files</a></p>`;
  return codeLayout({ data, title: c.title, body, project: p, section: 'commits', crumbs: [{ label: 'Commits', href: codePaths.commits(p) }, { label: c.sha.slice(0, 8) }] });
}

export function renderBranches(data: CodeData, p: Project): string {
  const newest = projectCommits(data, p.id)[0];
  const body = html`<h1>Branches</h1><ul class="rows" id="branches">${p.branches.map((b, i) => html`<li><strong>${b}</strong>${i === 0 ? html` <span class="label">default</span>` : ''}
    <div class="meta">${i === 0 && newest ? `${newest.title} · ${ago(newest.createdAt)}` : 'Behind main'}</div></li>`)}</ul>`;
  return codeLayout({ data, title: `Branches · ${p.name}`, body, project: p, section: 'branches', crumbs: [{ label: 'Branches' }] });
}

export function renderLabels(data: CodeData, state: CodeState, p: Project): string {
  const issues = projectIssues(data, state, p.id);
  const body = html`<h1>Labels</h1><ul class="rows" id="labels">${p.labels.map((l) => {
    const open = issues.filter((i) => i.state === 'opened' && i.labels.includes(l)).length;
    return html`<li>${labelLink(p, l)} <span class="meta">${plural(open, 'open issue')}</span></li>`;
  })}</ul>`;
  return codeLayout({ data, title: `Labels · ${p.name}`, body, project: p, section: 'labels', crumbs: [{ label: 'Labels' }] });
}

export function renderMembers(data: CodeData, state: CodeState, p: Project, flash: Flash): string {
  const members = projectMembers(state, p);
  const invite = canManage(data, state, p)
    ? html`<form method="post" action="${codePaths.members(p)}" id="invite-form"><h2>Invite members</h2>
        <div class="field"><label for="invite-user">Username or name</label><input id="invite-user" name="user" type="text" autocomplete="off"></div>
        <div class="field"><label for="invite-role">Role</label><select id="invite-role" name="role">${ROLES.map((r) => html`<option value="${r}">${r}</option>`)}</select></div>
        <button type="submit">Invite</button></form>`
    : html`<p class="meta">Only maintainers and owners can invite members to this project.</p>`;
  const body = html`<h1>Project members</h1><p>${plural(members.length, 'member')}</p>
    <ul class="rows" id="members">${members.map((m) => html`<li data-user="${m.username}" data-role="${m.role}">${userLink(data, m.username)} <span class="meta">@${m.username}</span> · <span class="role">${m.role}</span></li>`)}</ul>${invite}`;
  return codeLayout({ data, flash, title: `Members · ${p.name}`, body, project: p, section: 'members', crumbs: [{ label: 'Members' }] });
}

export function renderSettings(data: CodeData, state: CodeState, p: Project): string {
  const body = html`<h1>General settings</h1><p class="meta">Only the project owner can change these settings.</p>
    <div class="field"><label for="s-name">Project name</label><input id="s-name" type="text" value="${p.name}" disabled></div>
    <div class="field"><label for="s-desc">Project description</label><textarea id="s-desc" disabled>${p.description}</textarea></div>
    <div class="field"><label for="s-vis">Visibility</label><select id="s-vis" disabled><option>Public</option><option>Internal</option><option>Private</option></select></div>
    <p>Members: ${projectMembers(state, p).length}</p>`;
  return codeLayout({ data, title: `Settings · ${p.name}`, body, project: p, section: 'settings', crumbs: [{ label: 'Settings' }] });
}
