// The forum's seeded dataset: 40 forums in 8 groups, ~70 users, ~800 posts with threaded comments. A pure
// function of the seed, generated once per seed and shared read-only; episode writes (votes, new posts,
// comments, edits, subscriptions) live in state.ts as overlays, so nothing here is ever copied or mutated.
import { chance, pick, randInt, rngFor, sample, shuffle, type Rng } from '../../random/seeded-random';
import {
  BODY_TEMPLATES, COMMENT_TEMPLATES, DEFAULT_USER, FORUMS_PER_GROUP, GROUPS, NAME_ADJECTIVES, NAME_ANIMALS, TITLE_TEMPLATES,
} from './vocab';
import { perSeed } from '../per-seed';
import { relativeTime } from '../formatting';

/** The forum's fixed "now": ages, the hot ranking and new submissions use it. */
export const FORUM_NOW = Date.UTC(2024, 2, 15, 12, 0);
const FIRST_POST_TIME = Date.UTC(2023, 0, 1);
const HOUR = 3_600_000;

export interface Forum {
  name: string;
  description: string;
  group: string;
  /** Subscribers other than the signed-in user. */
  subscribers: number;
  moderator: string;
  /** Lower-case nouns that posts of this forum talk about. */
  nouns: string[];
}

export interface Post {
  id: number;
  forum: string;
  author: string;
  title: string;
  slug: string;
  body: string;
  /** Epoch milliseconds. */
  time: number;
  /** Net votes from everyone but the signed-in user. */
  score: number;
}

export interface Comment {
  id: number;
  postId: number;
  parentId: number | null;
  author: string;
  body: string;
  time: number;
  score: number;
}

export interface ForumData {
  seed: number;
  siteName: string;
  user: string;
  forums: Forum[];
  forumByName: Map<string, Forum>;
  users: string[];
  posts: Post[];
  postById: Map<number, Post>;
  comments: Comment[];
  commentById: Map<number, Comment>;
  /** Oldest first. */
  commentsByPost: Map<number, Comment[]>;
  initialSubscriptions: string[];
}

/** Postmill-style URL slug: lower-case words joined by underscores. */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || '-';
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

function fill(template: string, noun: string, rng: Rng): string {
  return template.replace('{noun}', noun).replace('{Noun}', capitalise(noun)).replace('{n}', String(randInt(rng, 2, 9)));
}

function makeUsers(rng: Rng): string[] {
  const names = new Set<string>();
  while (names.size < 70) names.add(`${pick(rng, NAME_ADJECTIVES)}${pick(rng, NAME_ANIMALS)}${randInt(rng, 1, 999)}`);
  return [...names].sort();
}

function makeForums(rng: Rng, users: string[]): Forum[] {
  const forums: Forum[] = [];
  const counts = new Set<number>();
  for (const g of GROUPS) {
    for (const spec of sample(rng, g.forums, FORUMS_PER_GROUP)) {
      // Distinct subscriber counts, so "more than N subscribers" always splits a group cleanly.
      let subscribers = 0;
      do subscribers = Math.round(Math.exp(4 + rng() * 6));
      while (counts.has(subscribers));
      counts.add(subscribers);
      forums.push({ ...spec, group: g.group, subscribers, moderator: pick(rng, users), nouns: g.nouns });
    }
  }
  return forums.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}

/** A skewed author pick: a few users post a lot, most rarely. */
function author(rng: Rng, users: string[]): string {
  return users[Math.floor(users.length * rng() * rng())];
}

function makeComments(rng: Rng, post: Post, forum: Forum, users: string[], firstId: number): Comment[] {
  const n = chance(rng, 0.15) ? 0 : Math.floor(Math.exp(rng() * 2.8));
  const out: Comment[] = [];
  for (let i = 0; i < n; i++) {
    const parent = out.length > 0 && chance(rng, 0.45) ? pick(rng, out) : null;
    const after = parent ? parent.time : post.time;
    out.push({
      id: firstId + i,
      postId: post.id,
      parentId: parent ? parent.id : null,
      author: author(rng, users),
      body: fill(pick(rng, COMMENT_TEMPLATES), pick(rng, forum.nouns), rng),
      time: Math.min(FORUM_NOW - 60_000, after + randInt(rng, 1, 72) * HOUR / 2),
      score: Math.floor(Math.exp(rng() * 5.5)) - randInt(rng, 0, 4),
    });
  }
  return out;
}

function generate(seed: number): ForumData {
  const rng = rngFor('forum-data', seed);
  const users = makeUsers(rng);
  const forums = makeForums(rng, users);
  const titles = new Set<string>();
  const posts: Post[] = [];
  for (const forum of forums) {
    const count = randInt(rng, 10, 34);
    for (let i = 0; i < count; i++) {
      let title = '';
      do title = fill(pick(rng, TITLE_TEMPLATES), pick(rng, forum.nouns), rng);
      while (titles.has(title));
      titles.add(title);
      posts.push({
        id: 0, forum: forum.name, author: author(rng, users), title, slug: slugify(title),
        body: fill(pick(rng, BODY_TEMPLATES), pick(rng, forum.nouns), rng),
        time: FIRST_POST_TIME + Math.floor(rng() * (FORUM_NOW - HOUR - FIRST_POST_TIME) / 60_000) * 60_000,
        score: Math.floor(Math.exp(rng() * 7.6)) - randInt(rng, 0, 6),
      });
    }
  }
  // Ids follow submission time, as on a real site.
  posts.sort((a, b) => a.time - b.time);
  posts.forEach((p, i) => (p.id = i + 1));
  // The signed-in user owns a dozen posts (edit tasks need some).
  for (const p of sample(rng, posts, 12)) p.author = DEFAULT_USER;
  const forumByName = new Map(forums.map((f) => [f.name, f]));
  const comments: Comment[] = [];
  const commentsByPost = new Map<number, Comment[]>();
  for (const post of posts) {
    const list = makeComments(rng, post, forumByName.get(post.forum)!, users, comments.length + 1);
    comments.push(...list);
    commentsByPost.set(post.id, list);
  }
  return {
    seed,
    siteName: 'Postmill',
    user: DEFAULT_USER,
    forums,
    forumByName,
    users: [...users, DEFAULT_USER].sort(),
    posts,
    postById: new Map(posts.map((p) => [p.id, p])),
    comments,
    commentById: new Map(comments.map((c) => [c.id, c])),
    commentsByPost,
    initialSubscriptions: shuffle(rng, forums.map((f) => f.name)).slice(0, 6).sort(),
  };
}

/** The dataset for a seed, generated on first use and then shared (callers must not mutate it). */
export const getForumData: (datasetSeed: number) => ForumData = perSeed(generate);

export { formatTimeDate as formatDate } from '../formatting';

/** "3 hours ago", "2 months ago" relative to FORUM_NOW. */
export function ago(time: number): string {
  return relativeTime(FORUM_NOW, time);
}
