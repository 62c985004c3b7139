// A project's merge requests: the list with Open / Merged / Closed / All tabs and one merge request's page
// (branches, author, assignee, labels, description). Read-only in the sandbox.
import { html, queryString } from '../../html';
import { ago, formatDate, type CodeData, type MergeRequest, type Project } from '../data';
import { displayName, pageOf } from '../model';
import { codeLayout, codePaths, labelLink, pager, userLink } from './layout';

export type MrState = 'opened' | 'merged' | 'closed' | 'all';
const TABS: Array<{ key: MrState; label: string }> = [
  { key: 'opened', label: 'Open' }, { key: 'merged', label: 'Merged' }, { key: 'closed', label: 'Closed' }, { key: 'all', label: 'All' },
];

export function parseMrState(value: string | null): MrState {
  return TABS.some((t) => t.key === value) ? (value as MrState) : 'opened';
}

export function renderMrs(data: CodeData, p: Project, st: MrState, page: number): string {
  const all = (data.mrsByProject.get(p.id) ?? []).slice().sort((a, b) => b.iid - a.iid);
  const list = st === 'all' ? all : all.filter((m) => m.state === st);
  const slice = pageOf(list, page);
  const href = (key: MrState, n = 1) => codePaths.mrs(p) + queryString({ state: key === 'opened' ? undefined : key, page: n > 1 ? n : undefined });
  const body = html`<h1>Merge requests</h1>
    <nav class="tabs" aria-label="Merge request state">${TABS.map((t) => {
      const count = t.key === 'all' ? all.length : all.filter((m) => m.state === t.key).length;
      return t.key === st ? html`<strong aria-current="page">${t.label}</strong><span class="badge">${count}</span>` : html`<a href="${href(t.key)}">${t.label}</a><span class="badge">${count}</span>`;
    })}</nav>
    ${slice.items.length ? html`<ul class="rows" id="mr-list">${slice.items.map((m) => html`<li><a href="${codePaths.mr(p, m.iid)}">${m.title}</a> ${m.labels.map((l) => labelLink(p, l))}
      <div class="meta">!${m.iid} · opened ${ago(m.createdAt)} by ${displayName(data, m.author)} · ${m.source} → ${m.target}${m.state !== 'opened' ? ` · ${m.state === 'merged' ? 'Merged' : 'Closed'}` : ''}</div></li>`)}</ul>` : html`<p id="mr-list">There are no merge requests to show.</p>`}
    ${pager((n) => href(st, n), slice.page, slice.pages)}`;
  return codeLayout({ data, title: `Merge requests · ${p.name}`, body, project: p, section: 'mrs', crumbs: [{ label: 'Merge requests' }] });
}

export function renderMr(data: CodeData, p: Project, m: MergeRequest): string {
  const status = m.state === 'opened' ? 'Open' : m.state === 'merged' ? 'Merged' : 'Closed';
  const body = html`<div class="cols" id="merge-request"><div class="main"><p><span class="label" id="mr-state">${status}</span> Merge request !${m.iid} created ${ago(m.createdAt)} (${formatDate(m.createdAt)}) by ${userLink(data, m.author)}</p>
    <h1>${m.title}</h1><p id="mr-branches">Request to merge <code>${m.source}</code> into <code>${m.target}</code></p>
    <div id="description"><p>${m.description}</p></div>
    <p class="meta">${m.state === 'opened' ? 'Ready to merge: the pipeline passed. Merging is disabled in this sandbox.' : m.state === 'merged' ? 'Changes merged into main.' : 'This merge request was closed without merging.'}</p></div>
    <aside><h3>Assignee</h3><p>${m.assignee ? userLink(data, m.assignee) : 'None'}</p><h3>Labels</h3><p>${m.labels.length ? m.labels.map((l) => labelLink(p, l)) : 'None'}</p></aside></div>`;
  return codeLayout({ data, title: `${m.title} (!${m.iid})`, body, project: p, section: 'mrs', crumbs: [{ label: 'Merge requests', href: codePaths.mrs(p) }, { label: `!${m.iid}` }] });
}
