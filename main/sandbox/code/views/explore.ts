// Pages outside any project: the user's projects, starred projects, Explore (search, sort, paging), the
// groups directory and a group's page, user profiles, issues assigned to the user, help and not found.
import { html, queryString, type SafeHtml } from '../../html';
import { ago, formatDate, type CodeData, type Project } from '../data';
import {
  PROJECT_SORTS, memberProjects, pageOf, personalProjects, projectIssues, projectMembers, searchProjects, sortProjects, starCount,
  groupProjects, type ProjectSort,
} from '../model';
import type { CodeState } from '../state';
import { codeLayout, codePaths, labelLink, namespaceLink, pager, plural, type Flash } from './layout';

function projectRow(data: CodeData, state: CodeState, p: Project): SafeHtml {
  const openIssues = projectIssues(data, state, p.id).filter((i) => i.state === 'opened').length;
  return html`<li class="project" data-project="${p.fullPath}"><div>${namespaceLink(data, p)} / <a class="name" href="${codePaths.project(p)}">${p.name}</a></div>
    <div>${p.description}</div>
    <div class="meta"><span class="stars">${plural(starCount(data, state, p), 'star')}</span> · ${plural(p.forks, 'fork')} · ${plural(openIssues, 'open issue')} · ${p.language} · Updated ${ago(p.updatedAt)}</div></li>`;
}

function sortNav(base: string, params: Record<string, string>, sort: ProjectSort): SafeHtml {
  return html`<nav class="tabs" aria-label="Sort projects"><span>Sort by:</span>${PROJECT_SORTS.map((s) => (s.key === sort
    ? html`<strong aria-current="true">${s.label}</strong>`
    : html`<a href="${base}${queryString({ ...params, sort: s.key })}">${s.label}</a>`))}</nav>`;
}

export function projectList(data: CodeData, state: CodeState, projects: Project[], base: string, params: Record<string, string>, sort: ProjectSort, page: number): SafeHtml {
  const slice = pageOf(sortProjects(data, state, projects, sort), page);
  return html`${sortNav(base, params, sort)}
    ${slice.items.length ? html`<ul class="rows" id="projects">${slice.items.map((p) => projectRow(data, state, p))}</ul>` : html`<p id="projects">No projects found.</p>`}
    ${pager((n) => base + queryString({ ...params, sort, page: n > 1 ? n : undefined }), slice.page, slice.pages)}`;
}

function dashboardTabs(current: 'yours' | 'starred' | 'explore'): SafeHtml {
  const tab = (key: string, label: string, href: string) => (key === current ? html`<strong aria-current="page">${label}</strong>` : html`<a href="${href}">${label}</a>`);
  return html`<nav class="tabs" aria-label="Project lists">${tab('yours', 'Your projects', codePaths.home)}${tab('starred', 'Starred projects', codePaths.starred)}${tab('explore', 'Explore projects', codePaths.explore)}</nav>`;
}

export function renderHome(data: CodeData, state: CodeState, sort: ProjectSort, page: number, flash: Flash): string {
  const body = html`<h1>Projects</h1>${dashboardTabs('yours')}${projectList(data, state, memberProjects(data, state, data.user), codePaths.home, {}, sort, page)}`;
  return codeLayout({ data, flash, title: 'Projects', body });
}

export function renderStarred(data: CodeData, state: CodeState, sort: ProjectSort, page: number, flash: Flash): string {
  const starred = data.projects.filter((p) => state.starred.has(p.id));
  const body = html`<h1>Projects</h1>${dashboardTabs('starred')}${projectList(data, state, starred, codePaths.starred, {}, sort, page)}`;
  return codeLayout({ data, flash, title: 'Starred projects', body });
}

export function renderExplore(data: CodeData, state: CodeState, search: string, sort: ProjectSort, page: number, flash: Flash): string {
  const found = searchProjects(data, search);
  const body = html`<h1>Explore projects</h1>${dashboardTabs('explore')}
    <form class="filters" method="get" action="${codePaths.explore}"><div class="field"><label for="filter">Filter by name</label>
      <input id="filter" type="text" name="search" value="${search}"></div><input type="hidden" name="sort" value="${sort}"><button type="submit">Filter</button></form>
    <p>${search ? `${plural(found.length, 'project')} matching "${search}"` : `${plural(found.length, 'project')}`}</p>
    ${projectList(data, state, found, codePaths.explore, search ? { search } : {}, sort, page)}`;
  return codeLayout({ data, flash, title: 'Explore projects', body, search });
}

export function renderGroups(data: CodeData, flash: Flash): string {
  const rows = data.groups.map((g) => html`<li><a href="${codePaths.group(g.path)}">${g.name}</a> <span class="meta">${g.path} · ${plural(groupProjects(data, g.path).length, 'project')} · ${plural(g.members.length, 'member')}</span><div>${g.description}</div></li>`);
  return codeLayout({ data, flash, title: 'Groups', body: html`<h1>Groups</h1><ul class="rows" id="groups">${rows}</ul>` });
}

export function renderGroup(data: CodeData, state: CodeState, path: string, sort: ProjectSort, page: number, flash: Flash): string {
  const g = data.groupByPath.get(path)!;
  const body = html`<h1>${g.name}</h1><p>${g.description}</p><p class="meta">Group ID: ${data.groups.indexOf(g) + 100} · ${plural(g.members.length, 'member')}</p>
    <div class="cols"><div class="main"><h2>Subgroups and projects</h2>${projectList(data, state, groupProjects(data, path), codePaths.group(path), {}, sort, page)}</div>
    <aside><h2>Members</h2><ul class="rows" id="group-members">${g.members.map((m) => html`<li><a href="${codePaths.user(m.username)}">${data.userByName.get(m.username)!.name}</a> <span class="meta">${m.role}</span></li>`)}</ul></aside></div>`;
  return codeLayout({ data, flash, title: g.name, body, crumbs: [{ label: 'Groups', href: codePaths.groups }, { label: g.name }] });
}

export function renderUser(data: CodeData, state: CodeState, username: string, flash: Flash): string {
  const u = data.userByName.get(username)!;
  const own = personalProjects(data, username);
  const member = memberProjects(data, state, username).filter((p) => !own.includes(p));
  const groups = data.groups.filter((g) => g.members.some((m) => m.username === username));
  const authored = data.projects.flatMap((p) => projectIssues(data, state, p.id).filter((i) => i.author === username).map((i) => ({ p, i })))
    .sort((a, b) => b.i.createdAt - a.i.createdAt).slice(0, 8);
  const body = html`<section id="profile"><h1>${u.name}</h1><p class="username">@${u.username}</p><p>${u.bio}</p>
    <p class="meta">Member since ${formatDate(u.joined)}</p></section>
    <div class="cols"><div class="main">
      <h2>Personal projects</h2>${own.length ? html`<ul class="rows">${own.map((p) => html`<li><a href="${codePaths.project(p)}">${p.name}</a> <span class="meta">${plural(starCount(data, state, p), 'star')}</span></li>`)}</ul>` : html`<p>No personal projects.</p>`}
      <h2>Contributed projects</h2><ul class="rows">${member.map((p) => html`<li>${namespaceLink(data, p)} / <a href="${codePaths.project(p)}">${p.name}</a> <span class="meta">${projectMembers(state, p).find((m) => m.username === username)!.role}</span></li>`)}</ul>
      <h2>Recent issues opened</h2><ul class="rows">${authored.map(({ p, i }) => html`<li><a href="${codePaths.issue(p, i.iid)}">${i.title}</a> <span class="meta">${p.fullPath}#${i.iid} · ${ago(i.createdAt)}</span></li>`)}</ul>
    </div><aside><h2>Groups</h2><ul class="rows">${groups.map((g) => html`<li><a href="${codePaths.group(g.path)}">${g.name}</a></li>`)}</ul></aside></div>`;
  return codeLayout({ data, flash, title: u.name, body });
}

export function renderMyIssues(data: CodeData, state: CodeState, page: number, flash: Flash): string {
  const mine = data.projects.flatMap((p) => projectIssues(data, state, p.id).filter((i) => i.assignee === data.user && i.state === 'opened').map((i) => ({ p, i })))
    .sort((a, b) => b.i.updatedAt - a.i.updatedAt);
  const slice = pageOf(mine, page);
  const body = html`<h1>Issues assigned to you</h1><p>${plural(mine.length, 'open issue')}</p>
    <ul class="rows" id="issue-list">${slice.items.map(({ p, i }) => html`<li><a href="${codePaths.issue(p, i.iid)}">${i.title}</a>
      <div class="meta">${p.fullPath}#${i.iid} · updated ${ago(i.updatedAt)} ${i.labels.map((l) => labelLink(p, l))}</div></li>`)}</ul>
    ${pager((n) => codePaths.myIssues + queryString({ page: n > 1 ? n : undefined }), slice.page, slice.pages)}`;
  return codeLayout({ data, flash, title: 'Assigned issues', body });
}

export function renderHelp(data: CodeData): string {
  const body = html`<h1>Help</h1><p>This GitLab instance hosts the projects of several teams.</p>
    <ul><li>Star a project from its overview page to find it under Starred.</li><li>Labels link to the project's issues filtered by that label.</li>
    <li>Only maintainers and owners can invite project members.</li><li>Reporters and above can close, reopen and label issues.</li></ul>`;
  return codeLayout({ data, title: 'Help', body });
}

export function renderNotFound(data: CodeData): string {
  return codeLayout({ data, title: 'Not found', body: html`<h1>404: Page not found</h1><p>Make sure the address is correct. <a href="${codePaths.home}">Go to your projects</a></p>` });
}
