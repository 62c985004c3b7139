// Read queries over dataset + episode state, shared by the pages and the task families (which call them
// with a fresh state to compute answers): scores with the user's votes, sorting, time windows, comment
// trees, karma, search.
import { FORUM_NOW, type Comment, type ForumData, type Post } from './data';
import { findPost, freshForumState, type ForumState } from './state';

export const PAGE_SIZE = 20;

export type SortKey = 'hot' | 'new' | 'top' | 'comments';
export const SORTS: Array<{ key: SortKey; label: string }> = [
  { key: 'hot', label: 'Hot' },
  { key: 'new', label: 'New' },
  { key: 'top', label: 'Top' },
  { key: 'comments', label: 'Most commented' },
];

export type TimeWindow = 'day' | 'week' | 'month' | 'year' | 'all';
export const WINDOWS: Array<{ key: TimeWindow; label: string; days: number }> = [
  { key: 'day', label: 'Past day', days: 1 },
  { key: 'week', label: 'Past week', days: 7 },
  { key: 'month', label: 'Past month', days: 30 },
  { key: 'year', label: 'Past year', days: 365 },
  { key: 'all', label: 'All time', days: Infinity },
];

export interface ListingQuery {
  sort: SortKey;
  /** Only for the top sort. */
  t: TimeWindow;
  page: number;
}

export function parseListingQuery(params: URLSearchParams, defaultSort: SortKey = 'hot'): ListingQuery {
  const sort = (SORTS.some((s) => s.key === params.get('sort')) ? params.get('sort') : defaultSort) as SortKey;
  const t = (WINDOWS.some((w) => w.key === params.get('t')) ? params.get('t') : 'all') as TimeWindow;
  return { sort, t: sort === 'top' ? t : 'all', page: Math.max(1, Math.floor(Number(params.get('page')) || 1)) };
}

/** A state with no episode writes: what families see when they compute answers. */
const pristine = new WeakMap<ForumData, ForumState>();
export function pristineState(data: ForumData): ForumState {
  let s = pristine.get(data);
  if (!s) pristine.set(data, (s = freshForumState(data)));
  return s;
}

export function postScore(state: ForumState, post: Post): number {
  return post.score + (state.votes.get(`p${post.id}`) ?? 0);
}

export function commentScore(state: ForumState, comment: Comment): number {
  return comment.score + (state.votes.get(`c${comment.id}`) ?? 0);
}

/** Every post with the episode's edits applied, new posts last. */
export function allPosts(data: ForumData, state: ForumState): Post[] {
  const base = state.edits.size === 0 ? data.posts : data.posts.map((p) => (state.edits.has(p.id) ? findPost(data, state, p.id)! : p));
  return state.newPosts.length === 0 ? base : [...base, ...state.newPosts.map((p) => findPost(data, state, p.id)!)];
}

/** Comments of a post, oldest first. */
export function commentsOf(data: ForumData, state: ForumState, postId: number): Comment[] {
  const base = data.commentsByPost.get(postId) ?? [];
  const added = state.newComments.filter((c) => c.postId === postId);
  return added.length ? [...base, ...added] : base;
}

export function commentCount(data: ForumData, state: ForumState, postId: number): number {
  return commentsOf(data, state, postId).length;
}

/** Reddit's hot ranking: log-scaled score plus recency (45000 s ≈ 12.5 h per factor of ten). */
function hotRank(score: number, time: number): number {
  return Math.sign(score) * Math.log10(Math.max(Math.abs(score), 1)) + time / 45_000_000;
}

export function sortPosts(data: ForumData, state: ForumState, posts: Post[], sort: SortKey, t: TimeWindow = 'all'): Post[] {
  const days = WINDOWS.find((w) => w.key === t)!.days;
  const within = sort === 'top' && days !== Infinity ? posts.filter((p) => p.time >= FORUM_NOW - days * 86_400_000) : posts;
  const key = (p: Post): number => {
    if (sort === 'new') return p.time;
    if (sort === 'top') return postScore(state, p);
    if (sort === 'comments') return commentCount(data, state, p.id);
    return hotRank(postScore(state, p), p.time);
  };
  const keyed = within.map((p) => ({ p, k: key(p) }));
  // Ties go to the newer post, like Postmill's id tiebreak.
  keyed.sort((a, b) => b.k - a.k || b.p.id - a.p.id);
  return keyed.map((x) => x.p);
}

export function forumPosts(data: ForumData, state: ForumState, forum: string): Post[] {
  return allPosts(data, state).filter((p) => p.forum === forum);
}

export function userPosts(data: ForumData, state: ForumState, user: string): Post[] {
  return allPosts(data, state).filter((p) => p.author === user);
}

export function userComments(data: ForumData, state: ForumState, user: string): Comment[] {
  return [...data.comments, ...state.newComments].filter((c) => c.author === user);
}

/** Sum of the scores of the user's posts and comments. */
export function karma(data: ForumData, state: ForumState, user: string): number {
  return userPosts(data, state, user).reduce((s, p) => s + postScore(state, p), 0) +
    userComments(data, state, user).reduce((s, c) => s + commentScore(state, c), 0);
}

export function subscriberCount(data: ForumData, state: ForumState, forum: string): number {
  return data.forumByName.get(forum)!.subscribers + (state.subscriptions.has(forum) ? 1 : 0);
}

/** Case-insensitive match of every word against title, body, author or forum; newest first. */
export function searchPosts(data: ForumData, state: ForumState, q: string): Post[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits = allPosts(data, state).filter((p) => {
    const text = `${p.title}\n${p.body}\n${p.author}\n${p.forum}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return sortPosts(data, state, hits, 'new');
}

export function pageOf<T>(items: T[], page: number, size = PAGE_SIZE): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(page, pages);
  return { items: items.slice((p - 1) * size, p * size), page: p, pages };
}

/** A comment tree: each comment with its replies, top level by score (ties oldest first). */
export interface CommentNode {
  comment: Comment;
  replies: CommentNode[];
}
export function commentTree(state: ForumState, comments: Comment[], rootId: number | null = null): CommentNode[] {
  return comments
    .filter((c) => c.parentId === rootId)
    .sort((a, b) => commentScore(state, b) - commentScore(state, a) || a.id - b.id)
    .map((comment) => ({ comment, replies: commentTree(state, comments, comment.id) }));
}
