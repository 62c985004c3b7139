// The frame every code page shares (GitLab-like): top bar with Projects / Groups / Explore, project search
// and the user's menu; for project pages a left sidebar and breadcrumbs; flash messages; footer. Also the
// site's URL builders and small shared widgets (label badges, pager).
import { html, htmlDocument, raw, type HtmlValue, type SafeHtml } from '../../html';
import type { CodeData, Project } from '../data';
import { displayName } from '../model';
import type { CodeState } from '../state';

export const CODE = '/code';

export const codePaths = {
  home: CODE,
  starred: `${CODE}/dashboard/starred`,
  myIssues: `${CODE}/dashboard/issues`,
  explore: `${CODE}/explore`,
  groups: `${CODE}/groups`,
  group: (path: string) => `${CODE}/groups/${path}`,
  user: (username: string) => `${CODE}/users/${username}`,
  help: `${CODE}/help`,
  project: (p: Project) => `${CODE}/${p.fullPath}`,
  tree: (p: Project, dir = '') => `${CODE}/${p.fullPath}/-/tree/main${dir ? `/${dir}` : ''}`,
  blob: (p: Project, path: string) => `${CODE}/${p.fullPath}/-/blob/main/${path}`,
  commits: (p: Project) => `${CODE}/${p.fullPath}/-/commits/main`,
  commit: (p: Project, sha: string) => `${CODE}/${p.fullPath}/-/commit/${sha}`,
  branches: (p: Project) => `${CODE}/${p.fullPath}/-/branches`,
  issues: (p: Project) => `${CODE}/${p.fullPath}/-/issues`,
  issue: (p: Project, iid: number) => `${CODE}/${p.fullPath}/-/issues/${iid}`,
  newIssue: (p: Project) => `${CODE}/${p.fullPath}/-/issues/new`,
  labels: (p: Project) => `${CODE}/${p.fullPath}/-/labels`,
  mrs: (p: Project) => `${CODE}/${p.fullPath}/-/merge_requests`,
  mr: (p: Project, iid: number) => `${CODE}/${p.fullPath}/-/merge_requests/${iid}`,
  members: (p: Project) => `${CODE}/${p.fullPath}/-/project_members`,
  settings: (p: Project) => `${CODE}/${p.fullPath}/-/settings`,
  star: (p: Project) => `${CODE}/${p.fullPath}/-/star`,
};

const STYLE = raw(`<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,Arial,sans-serif;color:#28272d;background:#fbfafd}
a{color:#1f75cb;text-decoration:none}a:hover{text-decoration:underline}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{background:#292961;color:#fff;display:flex;align-items:center;gap:18px;padding:8px 18px}
.top a{color:#fff;font-weight:600}.top .logo{font-size:18px}.top form{display:flex;gap:6px;flex:0 1 360px}
.top input{flex:1;padding:5px 8px;border:0;border-radius:4px}.top .me{margin-left:auto;display:flex;gap:14px}
button{background:#1f75cb;color:#fff;border:0;padding:6px 12px;border-radius:4px;cursor:pointer;font-size:13px}
button.secondary{background:#fff;color:#28272d;border:1px solid #bfbfc3}button.danger{background:#dd2b0e}
.page{display:flex;align-items:flex-start}.side{width:220px;flex:none;background:#f0f0f4;min-height:calc(100vh - 46px);padding:10px}
.side ul{list-style:none;padding:0;margin:0}.side li a{display:block;padding:5px 8px;color:#333;border-radius:4px}.side li a[aria-current]{background:#dbdbe6;font-weight:600}
.side h2{font-size:15px;margin:4px 8px 10px}.content{flex:1;min-width:0;padding:12px 24px}
.crumbs{color:#666;font-size:13px;margin-bottom:8px}.msg{padding:9px 12px;margin:0 0 10px;border-radius:4px}
.msg.success{background:#ecf4ee;color:#108548}.msg.error{background:#fcf1ef;color:#ae1800}
.tabs{display:flex;gap:14px;border-bottom:1px solid #ddd;margin:8px 0 12px;padding-bottom:6px;flex-wrap:wrap}
.tabs strong{border-bottom:2px solid #1f75cb}.badge{background:#ececef;border-radius:9px;padding:0 7px;font-size:12px;margin-left:3px}
.rows{list-style:none;padding:0;margin:0;border-top:1px solid #e5e5ea}.rows>li{padding:9px 4px;border-bottom:1px solid #e5e5ea}
.meta{color:#737278;font-size:12px}.label{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;background:#e9e9f5;margin-right:4px}
.pager{display:flex;gap:12px;margin:12px 0}.field{margin:10px 0}.field label{display:block;font-weight:600;margin-bottom:3px}
.field input,.field textarea,.field select{width:100%;max-width:560px;padding:6px;border:1px solid #bfbfc3;border-radius:4px}
.filters{display:flex;gap:10px;align-items:flex-end;flex-wrap:wrap;margin-bottom:10px}.filters .field{margin:0}
.cols{display:flex;gap:24px;align-items:flex-start}.cols>.main{flex:1;min-width:0}.cols>aside{width:270px;flex:none;border-left:1px solid #e5e5ea;padding-left:16px}
pre{background:#f6f6f8;border:1px solid #e5e5ea;padding:10px;overflow:auto}table{border-collapse:collapse}td,th{padding:4px 10px;text-align:left;border-bottom:1px solid #eee}
footer{padding:16px 18px;color:#777;font-size:12px}
</style>`);

export type Flash = CodeState['flash'];

export interface LayoutOptions {
  data: CodeData;
  title: string;
  body: HtmlValue;
  flash?: Flash;
  /** Project pages get the project sidebar and breadcrumbs; `section` marks the current sidebar entry. */
  project?: Project;
  section?: string;
  /** Trail after the project (or alone for non-project pages). */
  crumbs?: Array<{ label: string; href?: string }>;
  /** Current text of the project search box. */
  search?: string;
}

const SECTIONS: Array<{ key: string; label: string; href: (p: Project) => string }> = [
  { key: 'overview', label: 'Overview', href: codePaths.project },
  { key: 'files', label: 'Files', href: (p) => codePaths.tree(p) },
  { key: 'commits', label: 'Commits', href: codePaths.commits },
  { key: 'branches', label: 'Branches', href: codePaths.branches },
  { key: 'issues', label: 'Issues', href: codePaths.issues },
  { key: 'labels', label: 'Labels', href: codePaths.labels },
  { key: 'mrs', label: 'Merge requests', href: codePaths.mrs },
  { key: 'members', label: 'Members', href: codePaths.members },
  { key: 'settings', label: 'Settings', href: codePaths.settings },
];

export function namespaceLink(data: CodeData, p: Project): SafeHtml {
  return p.nsKind === 'group'
    ? html`<a href="${codePaths.group(p.namespace)}">${data.groupByPath.get(p.namespace)!.name}</a>`
    : html`<a href="${codePaths.user(p.namespace)}">${displayName(data, p.namespace)}</a>`;
}

function sidebar(p: Project, section?: string): SafeHtml {
  return html`<nav class="side" aria-label="Project navigation"><h2><a href="${codePaths.project(p)}">${p.name}</a></h2><ul>${SECTIONS.map((s) =>
    html`<li><a href="${s.href(p)}"${s.key === section ? raw(' aria-current="page"') : ''}>${s.label}</a></li>`)}</ul></nav>`;
}

export function codeLayout(o: LayoutOptions): string {
  const { data, project } = o;
  const trail = [
    ...(project ? [namespaceLink(data, project), html`<a href="${codePaths.project(project)}">${project.name}</a>`] : []),
    ...(o.crumbs ?? []).map((c) => (c.href ? html`<a href="${c.href}">${c.label}</a>` : html`<span>${c.label}</span>`)),
  ];
  const me = data.userByName.get(data.user)!;
  const body = html`
<header class="top">
  <a class="logo" href="${codePaths.home}">GitLab</a>
  <nav aria-label="Main"><a href="${codePaths.home}">Projects</a> · <a href="${codePaths.groups}">Groups</a> · <a href="${codePaths.explore}">Explore</a></nav>
  <form role="search" action="${codePaths.explore}" method="get"><label class="sr-only" for="top-search">Search projects</label>
    <input id="top-search" type="text" name="search" value="${o.search ?? ''}" placeholder="Search projects" autocomplete="off"></form>
  <nav class="me" aria-label="User"><a href="${codePaths.myIssues}">Assigned issues</a><a href="${codePaths.starred}">Starred</a>
    <a href="${codePaths.user(me.username)}">${me.name}</a><a href="${codePaths.help}">Help</a></nav>
</header>
<div class="page">${project ? sidebar(project, o.section) : ''}<main class="content">
  ${trail.length ? html`<nav class="crumbs" aria-label="Breadcrumbs">${trail.map((t, i) => html`${i ? ' / ' : ''}${t}`)}</nav>` : ''}
  ${(o.flash ?? []).map((m) => html`<div class="msg ${m.kind}" role="alert">${m.text}</div>`)}${o.body}</main></div>
<footer>GitLab Community Edition · sandbox · <a href="${codePaths.help}">Help</a></footer>`;
  return htmlDocument({ title: `${o.title} · GitLab`, head: STYLE, body });
}

export function pager(hrefFor: (page: number) => string, page: number, pages: number): SafeHtml | string {
  if (pages <= 1) return '';
  return html`<nav class="pager" aria-label="Pagination">
    ${page > 1 ? html`<a href="${hrefFor(page - 1)}" rel="prev">Previous</a>` : ''}<span>Page ${page} of ${pages}</span>
    ${page < pages ? html`<a href="${hrefFor(page + 1)}" rel="next">Next</a>` : ''}</nav>`;
}

/** A label badge linking to the project's open issues with that label (as GitLab's labels do). */
export function labelLink(p: Project, label: string): SafeHtml {
  return html`<a class="label" href="${codePaths.issues(p)}?label_name=${encodeURIComponent(label)}">${label}</a>`;
}

export function userLink(data: CodeData, username: string): SafeHtml {
  return html`<a href="${codePaths.user(username)}">${displayName(data, username)}</a>`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
