// Pages that list posts or forums: front page, a forum, search results, the forum directory, the user's
// subscriptions, a user profile (submissions and comments), wiki pages and not found.
import { html, queryString } from '../../html';
import { ago, type ForumData } from '../data';
import {
  PAGE_SIZE, allPosts, commentScore, forumPosts, karma, pageOf, searchPosts, sortPosts, subscriberCount, userComments, userPosts,
  type ListingQuery,
} from '../model';
import { findPost, type ForumState } from '../state';
import { WIKI_PAGES, forumLayout, forumPaths } from './layout';
import { pager, postListing, postRow } from './listing';
import { forumSidebar, homeSidebar, subscribeForm } from './sidebar';

type Flash = ForumState['flash'];

export function renderHome(data: ForumData, state: ForumState, query: ListingQuery, flash: Flash): string {
  const posts = sortPosts(data, state, allPosts(data, state), query.sort, query.t);
  const body = html`<h1>All forums</h1>${postListing(data, state, forumPaths.home, query, posts)}`;
  return forumLayout({ data, state, flash, title: 'All forums', body, sidebar: homeSidebar(data) });
}

export function renderForum(data: ForumData, state: ForumState, name: string, query: ListingQuery, flash: Flash): string {
  const posts = sortPosts(data, state, forumPosts(data, state, name), query.sort, query.t);
  const body = html`<h1>${name}</h1>${postListing(data, state, forumPaths.forum(name), query, posts)}`;
  return forumLayout({ data, state, flash, title: name, body, sidebar: forumSidebar(data, state, name) });
}

export function renderSearch(data: ForumData, state: ForumState, q: string, page: number, flash: Flash): string {
  const hits = searchPosts(data, state, q);
  const slice = pageOf(hits, page);
  const here = forumPaths.search + queryString({ q, page: slice.page > 1 ? slice.page : undefined });
  const body = html`<h1>Search results for "${q}"</h1>
    <p>${hits.length === 1 ? '1 result' : `${hits.length} results`}</p>
    <div id="posts">${slice.items.map((p) => postRow(data, state, p, here))}</div>
    ${pager((n) => forumPaths.search + queryString({ q, page: n > 1 ? n : undefined }), slice.page, slice.pages)}`;
  return forumLayout({ data, state, flash, title: `Search: ${q}`, body, q });
}

export function renderForumList(data: ForumData, state: ForumState, page: number, flash: Flash): string {
  const slice = pageOf(data.forums, page);
  const here = forumPaths.forums + queryString({ page: slice.page > 1 ? slice.page : undefined });
  // A list, not a table: controls nested in a cell's form would not show up in the accessibility view.
  const rows = slice.items.map((f) => html`<li class="post"><div><a class="title" href="${forumPaths.forum(f.name)}">${f.name}</a>
    <div class="meta">Category: ${f.group} · <span class="subscribers">${subscriberCount(data, state, f.name)} subscribers</span></div>
    <p>${f.description}</p></div>${subscribeForm(state, f.name, here, true)}</li>`);
  const body = html`<h1>List of forums</h1><p>${data.forums.length} forums, sorted by name.</p>
    <ul id="forums" style="list-style:none;padding:0">${rows}</ul>
    ${pager((n) => forumPaths.forums + queryString({ page: n > 1 ? n : undefined }), slice.page, slice.pages)}`;
  return forumLayout({ data, state, flash, title: 'Forums', body });
}

export function renderSubscriptions(data: ForumData, state: ForumState, flash: Flash): string {
  const names = [...state.subscriptions].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  const body = html`<h1>Your subscriptions</h1>${names.length
    ? html`<ul id="subscriptions">${names.map((n) => html`<li><a href="${forumPaths.forum(n)}">${n}</a> ${subscribeForm(state, n, forumPaths.subscriptions, true)}</li>`)}</ul>`
    : html`<p id="subscriptions">You are not subscribed to any forum.</p>`}`;
  return forumLayout({ data, state, flash, title: 'Subscriptions', body });
}

function profileHeader(data: ForumData, state: ForumState, user: string, tab: 'posts' | 'comments') {
  const tabs = [
    { key: 'posts', label: 'Submissions', href: forumPaths.user(user) },
    { key: 'comments', label: 'Comments', href: forumPaths.userComments(user) },
  ].map((t) => (t.key === tab ? html`<strong aria-current="page">${t.label}</strong>` : html`<a href="${t.href}">${t.label}</a>`));
  return html`<h1>${user}</h1><p id="karma">Karma: ${karma(data, state, user)}</p><nav class="tabs" aria-label="Profile">${tabs}</nav>`;
}

export function renderUserPosts(data: ForumData, state: ForumState, user: string, query: ListingQuery, flash: Flash): string {
  const posts = sortPosts(data, state, userPosts(data, state, user), query.sort, query.t);
  const body = html`${profileHeader(data, state, user, 'posts')}${postListing(data, state, forumPaths.user(user), query, posts, 'new')}`;
  return forumLayout({ data, state, flash, title: user, body });
}

export function renderUserComments(data: ForumData, state: ForumState, user: string, page: number, flash: Flash): string {
  const comments = userComments(data, state, user).sort((a, b) => b.time - a.time || b.id - a.id);
  const slice = pageOf(comments, page, PAGE_SIZE);
  const items = slice.items.map((c) => {
    const post = findPost(data, state, c.postId)!;
    return html`<li class="comment"><div class="meta">${commentScore(state, c)} points · ${ago(c.time)} · on
      <a href="${forumPaths.post(post)}">${post.title}</a> in <a href="${forumPaths.forum(post.forum)}">${post.forum}</a></div>
      <p>${c.body}</p><a href="${forumPaths.comment(post, c.id)}" class="meta">Permalink</a></li>`;
  });
  const body = html`${profileHeader(data, state, user, 'comments')}
    ${items.length ? html`<ul id="user-comments">${items}</ul>` : html`<p>No comments yet.</p>`}
    ${pager((n) => forumPaths.userComments(user) + queryString({ page: n > 1 ? n : undefined }), slice.page, slice.pages)}`;
  return forumLayout({ data, state, flash, title: `${user}'s comments`, body });
}

export function renderWiki(data: ForumData, state: ForumState, slug: string): string | null {
  const page = WIKI_PAGES[slug];
  if (!page) return null;
  return forumLayout({ data, state, title: page.title, body: html`<h1>${page.title}</h1>${page.text.map((t) => html`<p>${t}</p>`)}` });
}

export function renderNotFound(data: ForumData, state: ForumState): string {
  return forumLayout({ data, state, title: 'Not found', body: html`<h1>Page not found</h1><p>The page you requested does not exist. <a href="${forumPaths.home}">Go to the front page</a>.</p>` });
}

export function renderForbidden(data: ForumData, state: ForumState): string {
  return forumLayout({ data, state, title: 'Forbidden', body: html`<h1>Access denied</h1><p>You can only edit your own submissions.</p>` });
}
