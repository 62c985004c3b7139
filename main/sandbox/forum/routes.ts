// Request handling for the forum: GET pages and POST forms (every successful POST answers 303 See Other).
import type { SiteRequest, SiteResponse } from '../site';
import type { ForumData, Post } from './data';
import { parseListingQuery } from './model';
import { castVote, createComment, createPost, editPost, findComment, findPost, type ForumState, type VoteKey } from './state';
import { postFieldErrors, renderEdit, renderSubmit } from './views/forms';
import { FORUM, forumPaths } from './views/layout';
import {
  renderForbidden, renderForum, renderForumList, renderHome, renderNotFound, renderSearch, renderSubscriptions, renderUserComments,
  renderUserPosts, renderWiki,
} from './views/pages';
import { renderCommentPage, renderPost } from './views/post';
import { orNotFound, pathParts } from '../route-kit';

type ForumRequest = SiteRequest<ForumData, ForumState>;

const ok = (html: string): SiteResponse => ({ status: 200, html });
const see = (redirect: string): SiteResponse => ({ status: 303, redirect });
const page = (q: URLSearchParams): number => Math.max(1, Math.floor(Number(q.get('page')) || 1));

/** Only paths of this site are followed, so a form cannot redirect elsewhere. */
function safeBack(back: string | null, fallback: string): string {
  return back && back.startsWith(`${FORUM}`) && !back.startsWith('//') ? back : fallback;
}

/** The post of `/f/<forum>/<id>/…`, when the forum in the path is the post's. */
function postAt(req: ForumRequest, parts: string[]): Post | undefined {
  const post = findPost(req.data, req.state, Number(parts[2]));
  return post && post.forum === parts[1] ? post : undefined;
}

function handleGet(req: ForumRequest, parts: string[]): SiteResponse | null {
  const { data, state, query } = req;
  const flash = state.flash.splice(0);
  const [head, second, , fourth, fifth] = parts;
  const n = parts.length;
  if (n === 0) return ok(renderHome(data, state, parseListingQuery(query), flash));
  if (head === 'forums' && n === 1) return ok(renderForumList(data, state, page(query), flash));
  if (head === 'subscriptions' && n === 1) return ok(renderSubscriptions(data, state, flash));
  if (head === 'search' && n === 1) return ok(renderSearch(data, state, (query.get('q') ?? '').trim(), page(query), flash));
  if (head === 'submit' && n <= 2) {
    const forum = second && data.forumByName.has(second) ? second : '';
    return ok(renderSubmit(data, state, { title: '', body: '', forum }, []));
  }
  if (head === 'wiki' && second && n === 2) {
    const wiki = renderWiki(data, state, second);
    return wiki ? ok(wiki) : null;
  }
  if (head === 'user' && second && data.users.includes(second)) {
    if (n === 2) return ok(renderUserPosts(data, state, second, parseListingQuery(query, 'new'), flash));
    if (n === 3 && parts[2] === 'comments') return ok(renderUserComments(data, state, second, page(query), flash));
  }
  if (head === 'f' && second && data.forumByName.has(second)) {
    if (n === 2) return ok(renderForum(data, state, second, parseListingQuery(query), flash));
    const post = postAt(req, parts);
    if (!post) return null;
    if (n <= 4) return ok(renderPost(data, state, post, flash));
    if (fourth === '-' && fifth === 'edit' && n === 5) {
      return ok(post.author === data.user ? renderEdit(data, state, post, post, []) : renderForbidden(data, state));
    }
    if (fourth === '-' && fifth === 'comment' && n === 6) {
      const comment = findComment(data, state, Number(parts[5]));
      return comment && comment.postId === post.id ? ok(renderCommentPage(data, state, post, comment, flash)) : null;
    }
  }
  return null;
}

function handlePost(req: ForumRequest, parts: string[]): SiteResponse | null {
  const { data, state, form } = req;
  const text = (key: string): string => (form.get(key) ?? '').replace(/\r\n/g, '\n').trim();
  if (parts[0] === 'vote' && parts.length === 1) {
    const target = form.get('target') ?? '';
    const dir = Number(form.get('dir'));
    const m = /^([pc])(\d+)$/.exec(target);
    const exists = m && (m[1] === 'p' ? findPost(data, state, Number(m[2])) : findComment(data, state, Number(m[2])));
    if (exists && (dir === 1 || dir === -1)) castVote(state, target as VoteKey, dir);
    return see(safeBack(form.get('back'), forumPaths.home));
  }
  if (parts[0] === 'submit' && parts.length === 1) {
    const fields = { title: text('title'), body: text('body'), forum: text('forum') };
    const errors = postFieldErrors(fields, true, data.forumByName.has(fields.forum));
    if (errors.length) return ok(renderSubmit(data, state, fields, errors));
    const post = createPost(data, state, fields.forum, fields.title, fields.body);
    state.flash.push({ kind: 'success', text: 'Your submission was created.' });
    return see(forumPaths.post(post));
  }
  if (parts[0] !== 'f' || !parts[1] || !data.forumByName.has(parts[1])) return null;
  const forum = parts[1];
  if (parts.length === 3 && (parts[2] === 'subscribe' || parts[2] === 'unsubscribe')) {
    if (parts[2] === 'subscribe') state.subscriptions.add(forum);
    else state.subscriptions.delete(forum);
    state.flash.push({ kind: 'success', text: parts[2] === 'subscribe' ? `You are now subscribed to ${forum}.` : `You have unsubscribed from ${forum}.` });
    return see(safeBack(form.get('back'), forumPaths.forum(forum)));
  }
  const post = postAt(req, parts);
  if (!post) return null;
  if (parts.length === 5 && parts[4] === 'comment') {
    if (!text('body')) {
      state.flash.push({ kind: 'error', text: 'The comment must not be empty.' });
      return see(forumPaths.post(post));
    }
    const c = createComment(data, state, post.id, null, text('body'));
    state.flash.push({ kind: 'success', text: 'Your comment was posted.' });
    return see(`${forumPaths.post(post)}#comment-${c.id}`);
  }
  if (parts.length === 6 && parts[3] === '-' && parts[4] === 'comment') {
    const parent = findComment(data, state, Number(parts[5]));
    if (!parent || parent.postId !== post.id) return null;
    if (!text('body')) return ok(renderCommentPage(data, state, post, parent, [], 'The reply must not be empty.'));
    const c = createComment(data, state, post.id, parent.id, text('body'));
    state.flash.push({ kind: 'success', text: 'Your reply was posted.' });
    return see(`${forumPaths.post(post)}#comment-${c.id}`);
  }
  if (parts.length === 5 && parts[3] === '-' && parts[4] === 'edit') {
    if (post.author !== data.user) return { status: 403, html: renderForbidden(data, state) };
    const fields = { title: text('title'), body: text('body') };
    const errors = postFieldErrors(fields, false, true);
    if (errors.length) return ok(renderEdit(data, state, post, fields, errors));
    editPost(state, post.id, fields.title, fields.body);
    state.flash.push({ kind: 'success', text: 'The submission was edited.' });
    return see(forumPaths.post(findPost(data, state, post.id)!));
  }
  return null;
}

export function handleForum(req: ForumRequest): SiteResponse {
  const parts = pathParts(req.path);
  const res = req.method === 'POST' ? handlePost(req, parts) : req.method === 'GET' || req.method === 'HEAD' ? handleGet(req, parts) : null;
  return orNotFound(req.method, res, () => renderNotFound(req.data, req.state));
}
