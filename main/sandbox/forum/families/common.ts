// The forum's binding of the family kit (../../family-kit.ts), plus the oracle paths and URL patterns that
// several forum families share.
import { clickLink, defineFamily, escapeRegex, sitePathPattern, type FamilySpec } from '../../family-kit';
import { SITE_SLOTS } from '../../site';
import type { OracleStep, TaskFamily } from '../../types';
import { getForumData, type ForumData, type Post } from '../data';
import { PAGE_SIZE } from '../model';

export * from '../../family-kit';
export const REDDIT = SITE_SLOTS.forum.placeholder;

export function defineForumFamily<P>(spec: FamilySpec<ForumData, P>): TaskFamily {
  return defineFamily('forum', getForumData, spec);
}

/** Regex for a forum path (after the prefix), ending there or at a query/fragment. */
export const pathPattern = (path: string): string => sitePathPattern('forum', path);

/** Regex for a post page (any slug, or none). */
export const postPattern = (p: Post): string => `${SITE_SLOTS.forum.prefix}/f/${escapeRegex(p.forum)}/${p.id}(/[^/?#]*)?([?#]|$)`;

/** The post's URL with the placeholder (the slug is optional for the server; program_html uses this). */
export const postUrl = (p: Post): string => `${REDDIT}/f/${p.forum}/${p.id}/${p.slug}`;

/** 1-based page of the Forums directory that lists this forum (alphabetical, PAGE_SIZE a page). */
export function forumListPage(data: ForumData, forum: string): number {
  return Math.floor(data.forums.findIndex((f) => f.name === forum) / PAGE_SIZE) + 1;
}

/** From any forum page: Forums → Next as needed → the forum's link. */
export function openForum(data: ForumData, forum: string): OracleStep[] {
  return [clickLink('Forums'), ...Array.from({ length: forumListPage(data, forum) - 1 }, () => clickLink('Next')), clickLink(forum)];
}

/** The unique maximum of `items` by `score`, or undefined when the top is tied or the list is empty. */
export function uniqueMax<T>(items: T[], score: (x: T) => number): T | undefined {
  if (items.length === 0) return undefined;
  const sorted = items.slice().sort((a, b) => score(b) - score(a));
  return sorted.length === 1 || score(sorted[0]) > score(sorted[1]) ? sorted[0] : undefined;
}

/** Regex for a listing at `path` whose query has key=value (anywhere in the query). */
export const listingPattern = (path: string, key: string, value: string | number): string =>
  `${SITE_SLOTS.forum.prefix}${escapeRegex(path)}\\?(.*&)?${escapeRegex(key)}=${escapeRegex(String(value))}(&|#|$)`;
