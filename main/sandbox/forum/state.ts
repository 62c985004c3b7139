// The forum's mutable state for one episode, layered over the read-only dataset: the signed-in user's votes,
// subscriptions, new posts and comments, and edits of their posts. A fresh copy is a handful of empty maps
// plus a six-entry set, so an episode reset costs microseconds whatever the dataset size.
import { FORUM_NOW, slugify, type Comment, type ForumData, type Post } from './data';

export type VoteKey = `p${number}` | `c${number}`;

export interface ForumState {
  /** The signed-in user's vote per post (`p<id>`) or comment (`c<id>`); absent = no vote. */
  votes: Map<VoteKey, 1 | -1>;
  subscriptions: Set<string>;
  newPosts: Post[];
  newComments: Comment[];
  /** Title and body of edited posts, by post id. */
  edits: Map<number, { title: string; body: string }>;
  nextPostId: number;
  nextCommentId: number;
  /** Messages shown once on the next page view. */
  flash: Array<{ kind: 'success' | 'error'; text: string }>;
}

export function freshForumState(data: ForumData): ForumState {
  return {
    votes: new Map(),
    subscriptions: new Set(data.initialSubscriptions),
    newPosts: [],
    newComments: [],
    edits: new Map(),
    nextPostId: data.posts.length + 1,
    nextCommentId: data.comments.length + 1,
    flash: [],
  };
}

/** Each new submission is a minute later than the one before, so "new" sorting keeps their order. */
function nextTime(state: ForumState): number {
  return FORUM_NOW + (state.newPosts.length + state.newComments.length + 1) * 60_000;
}

export function createPost(data: ForumData, state: ForumState, forum: string, title: string, body: string): Post {
  const post: Post = { id: state.nextPostId++, forum, author: data.user, title, slug: slugify(title), body, time: nextTime(state), score: 1 };
  state.newPosts.push(post);
  return post;
}

export function createComment(data: ForumData, state: ForumState, postId: number, parentId: number | null, body: string): Comment {
  const comment: Comment = { id: state.nextCommentId++, postId, parentId, author: data.user, body, time: nextTime(state), score: 1 };
  state.newComments.push(comment);
  return comment;
}

export function editPost(state: ForumState, postId: number, title: string, body: string): void {
  state.edits.set(postId, { title, body });
}

/** Reddit semantics: voting the same way again takes the vote back. */
export function castVote(state: ForumState, key: VoteKey, dir: 1 | -1): void {
  if (state.votes.get(key) === dir) state.votes.delete(key);
  else state.votes.set(key, dir);
}

export function findPost(data: ForumData, state: ForumState, id: number): Post | undefined {
  const base = data.postById.get(id) ?? state.newPosts.find((p) => p.id === id);
  if (!base) return undefined;
  const edit = state.edits.get(id);
  return edit ? { ...base, ...edit, slug: slugify(edit.title) } : base;
}

export function findComment(data: ForumData, state: ForumState, id: number): Comment | undefined {
  return data.commentById.get(id) ?? state.newComments.find((c) => c.id === id);
}

const norm = (text: unknown): string => String(text ?? '').replace(/\s+/g, ' ').trim();

/** Named checks for `site_state` subgoal predicates (prefix `forum.`). */
export function checkForumState(data: ForumData, state: ForumState, check: string, args: Record<string, unknown>): boolean {
  switch (check) {
    case 'forum.post_created':
      return state.newPosts.some((p) =>
        (args.forum === undefined || p.forum === args.forum) &&
        (args.title === undefined || norm(p.title) === norm(args.title)) &&
        (args.body === undefined || norm(p.body) === norm(args.body)));
    case 'forum.comment_posted':
      return state.newComments.some((c) =>
        (args.postId === undefined || c.postId === Number(args.postId)) &&
        (args.parentId === undefined || c.parentId === (args.parentId === null ? null : Number(args.parentId))) &&
        (args.body === undefined || norm(c.body) === norm(args.body)));
    case 'forum.voted': {
      const key = (args.commentId !== undefined ? `c${Number(args.commentId)}` : `p${Number(args.postId)}`) as VoteKey;
      return state.votes.get(key) === (args.dir === undefined ? 1 : Number(args.dir));
    }
    case 'forum.votes_cast': {
      // At least `count` posts upvoted among `postIds` (all of them when count is absent).
      const ids = (args.postIds as number[]) ?? [];
      const done = ids.filter((id) => state.votes.get(`p${id}`) === 1).length;
      return done >= (args.count === undefined ? ids.length : Number(args.count));
    }
    case 'forum.subscribed':
      return ((args.forums as string[] | undefined) ?? [String(args.forum)]).every((f) => state.subscriptions.has(f) === (args.subscribed ?? true));
    case 'forum.post_edited': {
      const edit = state.edits.get(Number(args.postId));
      return !!edit && (args.title === undefined || norm(edit.title) === norm(args.title)) && (args.body === undefined || norm(edit.body) === norm(args.body));
    }
    default:
      throw new Error(`unknown forum state check: ${check}`);
  }
}
