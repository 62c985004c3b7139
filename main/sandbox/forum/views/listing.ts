// Post lists (front page, a forum, a profile, search results): one row per post with vote buttons, sort
// tabs with the top sort's time windows, and Previous/Next paging.
import { html, queryString, type SafeHtml } from '../../html';
import { ago, type ForumData, type Post } from '../data';
import { SORTS, WINDOWS, commentCount, pageOf, postScore, type ListingQuery } from '../model';
import type { ForumState } from '../state';
import { backField, forumPaths } from './layout';

/** The listing URL; the default sort, the all-time window and page 1 are left out. */
export function listingHref(path: string, query: ListingQuery, changes: Partial<ListingQuery> = {}, defaultSort = 'hot'): string {
  const q = { ...query, ...changes };
  return path + queryString({
    sort: q.sort === defaultSort ? undefined : q.sort,
    t: q.sort === 'top' && q.t !== 'all' ? q.t : undefined,
    page: q.page > 1 ? q.page : undefined,
  });
}

/** One vote button form; the name says what it votes on so every button on a page is distinct. */
export function voteForm(target: string, dir: 1 | -1, label: string, pressed: boolean, back: string): SafeHtml {
  return html`<form method="post" action="${forumPaths.vote}"><input type="hidden" name="target" value="${target}">
    <input type="hidden" name="dir" value="${dir}">${backField(back)}
    <button class="plain" type="submit" aria-label="${label}" aria-pressed="${pressed ? 'true' : 'false'}">${dir === 1 ? '▲' : '▼'}</button></form>`;
}

export function postRow(data: ForumData, state: ForumState, p: Post, back: string): SafeHtml {
  const vote = state.votes.get(`p${p.id}`);
  const n = commentCount(data, state, p.id);
  const cls = vote === 1 ? 'post upvoted' : vote === -1 ? 'post downvoted' : 'post';
  return html`<article class="${cls}" data-post-id="${p.id}">
  <div class="vote">${voteForm(`p${p.id}`, 1, `Upvote ${p.title}`, vote === 1, back)}
    <span class="score" title="Score">${postScore(state, p)}</span>${voteForm(`p${p.id}`, -1, `Downvote ${p.title}`, vote === -1, back)}</div>
  <div><a class="title" href="${forumPaths.post(p)}">${p.title}</a>
    <div class="meta">Submitted by <a href="${forumPaths.user(p.author)}">${p.author}</a> ${ago(p.time)} in <a href="${forumPaths.forum(p.forum)}">${p.forum}</a></div>
    <a class="meta" href="${forumPaths.post(p)}">${n === 1 ? '1 comment' : `${n} comments`}</a></div>
</article>`;
}

export function sortTabs(path: string, query: ListingQuery, defaultSort = 'hot'): SafeHtml {
  const tabs = SORTS.map((s) => (s.key === query.sort
    ? html`<strong aria-current="page">${s.label}</strong>`
    : html`<a href="${listingHref(path, query, { sort: s.key, t: 'all', page: 1 }, defaultSort)}">${s.label}</a>`));
  const windows = query.sort !== 'top' ? '' : html`<nav class="tabs" aria-label="Time range">${WINDOWS.map((w) => (w.key === query.t
    ? html`<strong aria-current="page">${w.label}</strong>`
    : html`<a href="${listingHref(path, query, { t: w.key, page: 1 }, defaultSort)}">${w.label}</a>`))}</nav>`;
  return html`<nav class="tabs" aria-label="Sort by">${tabs}</nav>${windows}`;
}

export function pager(hrefFor: (page: number) => string, page: number, pages: number): SafeHtml | string {
  if (pages <= 1) return '';
  return html`<nav class="pager" aria-label="Pagination">
    ${page > 1 ? html`<a href="${hrefFor(page - 1)}" rel="prev">Previous</a>` : ''}<span>Page ${page} of ${pages}</span>
    ${page < pages ? html`<a href="${hrefFor(page + 1)}" rel="next">Next</a>` : ''}</nav>`;
}

/** A sorted, paged list of posts with its tabs; `posts` must already be sorted by `query.sort`. */
export function postListing(data: ForumData, state: ForumState, path: string, query: ListingQuery, posts: Post[], defaultSort = 'hot'): SafeHtml {
  const { items, page, pages } = pageOf(posts, query.page);
  const here = listingHref(path, query, { page }, defaultSort);
  return html`${sortTabs(path, query, defaultSort)}
  <div id="posts">${items.length ? items.map((p) => postRow(data, state, p, here)) : html`<p>There are no submissions here.</p>`}</div>
  ${pager((n) => listingHref(path, query, { page: n }, defaultSort), page, pages)}`;
}
