import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../../main/sandbox/server';
import { getForumData } from '../../../main/sandbox/forum/data';
import { forumNames, forumSubmitUrl } from '../../../main/sandbox/forum/accessor';
import { site } from '../../../main/sandbox/forum/index';
import { karma, pristineState, sortPosts, forumPosts } from '../../../main/sandbox/forum/model';
import { castVote, checkForumState, freshForumState } from '../../../main/sandbox/forum/state';
import { client, localPath, textOfId } from './helpers';

const forumSite = site.module;
const forumFamilies = site.families;

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const data = () => getForumData(1);

describe('forum dataset', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = getForumData(101);
    const again = getForumData(101);
    expect(again).toBe(a);
    expect(forumNames(101)).toHaveLength(40);
    expect(a.posts.length).toBeGreaterThan(400);
    expect(a.comments.length).toBeGreaterThan(1000);
    expect(a.users.length).toBeGreaterThan(50);
    expect(getForumData(102).posts.map((p) => p.title)).not.toEqual(a.posts.map((p) => p.title));
    expect(new Set(a.posts.map((p) => p.title)).size).toBe(a.posts.length);
    for (const c of a.comments.slice(0, 200)) if (c.parentId !== null) expect(a.commentById.get(c.parentId)!.postId).toBe(c.postId);
  });

  it('makes fresh states independent of each other (reset speed: npm run bench -- sandbox)', () => {
    const d = data();
    const one = freshForumState(d);
    const two = freshForumState(d);
    castVote(one, 'p1', 1);
    one.subscriptions.add('__x');
    expect(two.votes.size).toBe(0);
    expect(two.subscriptions.has('__x')).toBe(false);
    expect(d.initialSubscriptions).not.toContain('__x');
  });

  it('counts the user vote in karma and takes a repeated vote back', () => {
    const d = data();
    const state = freshForumState(d);
    const post = d.posts.find((p) => p.author !== d.user)!;
    const before = karma(d, state, post.author);
    castVote(state, `p${post.id}`, 1);
    expect(karma(d, state, post.author)).toBe(before + 1);
    expect(checkForumState(d, state, 'forum.voted', { postId: post.id, dir: 1 })).toBe(true);
    castVote(state, `p${post.id}`, 1);
    expect(checkForumState(d, state, 'forum.voted', { postId: post.id, dir: 1 })).toBe(false);
    expect(karma(d, pristineState(d), post.author)).toBe(before);
  });
});

describe('forum routes', () => {
  it('serves the main pages', async () => {
    const web = client(server);
    const d = data();
    const forum = d.forums[0].name;
    const post = d.posts[0];
    const pages: Array<[string, RegExp]> = [
      ['/forum', /<h1>All forums<\/h1>/],
      ['/forum/forums', /40 forums, sorted by name/],
      [`/forum/f/${forum}?sort=top&t=year`, /<strong aria-current="page">Past year<\/strong>/],
      [`/forum/f/${post.forum}/${post.id}/${post.slug}`, /<label for="comment">Comment<\/label>/],
      [`/forum/user/${d.user}`, /Karma: -?\d+/],
      [`/forum/user/${d.user}/comments`, /<h1>TinkerToad512<\/h1>/],
      ['/forum/search?q=favorite', /results<\/p>/],
      [`/forum/submit/${forum}`, new RegExp(`<option value="${forum}" selected>`)],
      ['/forum/subscriptions', /id="subscriptions"/],
      ['/forum/wiki/faq', /Karma is the sum/],
    ];
    for (const [path, pattern] of pages) {
      const res = await web.get(path);
      expect(res.status, path).toBe(200);
      expect(res.html, path).toMatch(pattern);
    }
    expect((await web.get('/forum/f/no-such-forum')).status).toBe(404);
    expect((await web.get(`/forum/f/${forum}/999999/x`)).status).toBe(404);
  });

  it('sorts a forum by top and pages 20 at a time', async () => {
    const d = data();
    const forum = d.forums.find((f) => forumPosts(d, pristineState(d), f.name).length > 20)!.name;
    const top = sortPosts(d, pristineState(d), forumPosts(d, pristineState(d), forum), 'top');
    const { html } = await client(server).get(`/forum/f/${forum}?sort=top`);
    const list = html.slice(html.indexOf('id="posts"'));
    expect(list.indexOf(`>${top[0].title}</a>`)).toBeGreaterThan(0);
    expect(list.indexOf(`>${top[0].title}</a>`)).toBeLessThan(list.indexOf(`>${top[1].title}</a>`));
    expect(html).toContain(`href="/forum/f/${forum}?sort=top&amp;page=2" rel="next">Next</a>`);
    expect((await client(server).get(`/forum/f/${forum}?sort=top&page=2`)).html).toContain(top[20].title);
  });

  it('creates posts, comments, votes and subscriptions in the episode state only (303 after every POST)', async () => {
    const one = server.createEpisodeState();
    const two = server.createEpisodeState();
    const a = client(server, one.cookie);
    const b = client(server, two.cookie);
    const forum = forumNames(1)[3];
    const res = await a.post('/forum/submit', { title: 'Hello sandbox', body: 'A body', forum });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(new RegExp(`^/forum/f/${forum}/\\d+/hello_sandbox$`));
    expect(textOfId((await a.get(res.location!)).html, 'post')).toContain('A body');
    expect(server.checkState(one.stateId, 'forum.post_created', { forum, title: 'Hello sandbox', body: 'A body' })).toBe(true);
    expect(server.checkState(two.stateId, 'forum.post_created', { forum })).toBe(false);
    expect((await b.get(`/forum/f/${forum}?sort=new`)).html).not.toContain('Hello sandbox');

    const comment = await a.post(`${res.location}/comment`, { body: 'First!' });
    expect(comment.location).toMatch(/#comment-\d+$/);
    expect(server.checkState(one.stateId, 'forum.comment_posted', { body: 'First!', parentId: null })).toBe(true);

    const target = getForumData(1).posts[5];
    expect((await a.post('/forum/vote', { target: `p${target.id}`, dir: 1, back: '/forum/forums' })).location).toBe('/forum/forums');
    expect(server.checkState(one.stateId, 'forum.voted', { postId: target.id })).toBe(true);
    expect((await a.post('/forum/vote', { target: 'p1', dir: 1, back: 'https://evil.example' })).location).toBe('/forum');

    const fresh = forumNames(1).find((f) => !getForumData(1).initialSubscriptions.includes(f))!;
    await a.post(`/forum/f/${fresh}/subscribe`, { back: '/forum/subscriptions' });
    expect(textOfId((await a.get('/forum/subscriptions')).html, 'subscriptions')).toContain(fresh);
    expect(server.checkState(one.stateId, 'forum.subscribed', { forums: [fresh] })).toBe(true);
    expect(server.checkState(two.stateId, 'forum.subscribed', { forums: [fresh] })).toBe(false);

    server.resetEpisodeState(one.stateId);
    expect(server.checkState(one.stateId, 'forum.post_created', { forum })).toBe(false);
  });

  it('lets the user edit only their own posts and rejects an empty title', async () => {
    const ep = server.createEpisodeState();
    const web = client(server, ep.cookie);
    const d = data();
    const mine = d.posts.find((p) => p.author === d.user)!;
    const other = d.posts.find((p) => p.author !== d.user)!;
    const edit = `/forum/f/${mine.forum}/${mine.id}/-/edit`;
    expect((await web.post(edit, { title: '', body: 'x' })).status).toBe(200);
    const saved = await web.post(edit, { title: 'Renamed post', body: 'New body' });
    expect(saved.status).toBe(303);
    expect(server.checkState(ep.stateId, 'forum.post_edited', { postId: mine.id, title: 'Renamed post', body: 'New body' })).toBe(true);
    expect((await web.post(`/forum/f/${other.forum}/${other.id}/-/edit`, { title: 'x', body: 'y' })).status).toBe(403);
  });
});

describe('forum families', () => {
  it('has at least 8 families with codes 301-319, every kind, and long plans', () => {
    expect(forumFamilies.length).toBeGreaterThanOrEqual(8);
    expect(new Set(forumFamilies.map((f) => f.kind))).toEqual(new Set(['info', 'navigation', 'change']));
    const long = forumFamilies.filter((f) => [0, 1, 2, 3, 4].every((i) => f.instantiate(1, i).oracle.length >= 8));
    expect(long.length).toBeGreaterThanOrEqual(3);
    for (const f of forumFamilies) {
      expect(f.id).toMatch(/^forum\//);
      expect(f.count!(1)).toBeGreaterThanOrEqual(20);
      const inst = f.instantiate(1, 2);
      expect(Math.floor(Number(inst.config.task_id) / 100000)).toBeGreaterThanOrEqual(301);
      expect(Math.floor(Number(inst.config.task_id) / 100000)).toBeLessThanOrEqual(319);
      expect(inst.config.sites).toEqual(['reddit']);
      expect(String(inst.config.start_url)).toMatch(/^__REDDIT__/);
      expect(inst.oracle.length).toBeGreaterThanOrEqual(2);
      expect(inst.oracle.length).toBeLessThanOrEqual(25);
      expect(f.instantiate(1, 2)).toEqual(inst);
    }
  });

  it('program_html targets point at pages that exist, and the accessor gives the submit form', async () => {
    for (const f of forumFamilies.filter((x) => x.kind === 'change')) {
      const inst = f.instantiate(1, 1);
      for (const t of (inst.config.eval as { program_html: Array<{ url: string }> }).program_html) {
        if (t.url === 'last') continue;
        expect((await client(server).get(localPath(server, t.url))).status, t.url).toBe(200);
      }
    }
    expect(forumSubmitUrl('books')).toBe('__REDDIT__/submit/books');
  });
});
