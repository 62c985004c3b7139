// A post's page (body, votes, threaded comments, top-level comment form) and a comment's permalink page
// (that comment's thread and the reply form).
import { html, type SafeHtml } from '../../html';
import { ago, formatDate, type Comment, type ForumData, type Post } from '../data';
import { commentScore, commentTree, commentsOf, postScore, type CommentNode } from '../model';
import type { ForumState } from '../state';
import { forumLayout, forumPaths } from './layout';
import { voteForm } from './listing';
import { forumSidebar } from './sidebar';

function points(n: number): string {
  return `${n} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
}

function commentItem(state: ForumState, post: Post, node: CommentNode, back: string): SafeHtml {
  const c = node.comment;
  const vote = state.votes.get(`c${c.id}`);
  return html`<li><article class="comment" id="comment-${c.id}" data-comment-id="${c.id}">
    <div class="meta"><a href="${forumPaths.user(c.author)}">${c.author}</a> · <span class="points">${points(commentScore(state, c))}</span> · <time title="${formatDate(c.time)}">${ago(c.time)}</time></div>
    <p class="body">${c.body}</p>
    <div class="actions">${voteForm(`c${c.id}`, 1, `Upvote comment by ${c.author}`, vote === 1, back)}${voteForm(`c${c.id}`, -1, `Downvote comment by ${c.author}`, vote === -1, back)}
      <a href="${forumPaths.comment(post, c.id)}" aria-label="Reply to ${c.author}">Reply</a></div></article>
    ${node.replies.length ? html`<ul>${node.replies.map((r) => commentItem(state, post, r, back))}</ul>` : ''}</li>`;
}

function postHeader(data: ForumData, state: ForumState, post: Post, back: string): SafeHtml {
  const vote = state.votes.get(`p${post.id}`);
  return html`<article class="post${vote === 1 ? ' upvoted' : vote === -1 ? ' downvoted' : ''}" id="post" data-post-id="${post.id}">
  <div class="vote">${voteForm(`p${post.id}`, 1, 'Upvote', vote === 1, back)}<span class="score" title="Score">${postScore(state, post)}</span>${voteForm(`p${post.id}`, -1, 'Downvote', vote === -1, back)}</div>
  <div><h1 class="title">${post.title}</h1>
    <div class="meta">Submitted by <a href="${forumPaths.user(post.author)}">${post.author}</a> on <time>${formatDate(post.time)}</time> in <a href="${forumPaths.forum(post.forum)}">${post.forum}</a></div>
    <div class="body" id="post-body"><p>${post.body}</p></div>
    ${post.author === data.user ? html`<a href="${forumPaths.edit(post)}">Edit</a>` : ''}</div></article>`;
}

export function renderPost(data: ForumData, state: ForumState, post: Post, flash: ForumState['flash']): string {
  const back = forumPaths.post(post);
  const comments = commentsOf(data, state, post.id);
  const body = html`${postHeader(data, state, post, back)}
  <form method="post" action="${back}/comment" class="field"><label for="comment">Comment</label>
    <textarea id="comment" name="body" rows="3"></textarea><button type="submit">Post comment</button></form>
  <section class="comments" id="comments"><h2>${comments.length === 1 ? '1 comment' : `${comments.length} comments`}</h2>
    <ul>${commentTree(state, comments).map((n) => commentItem(state, post, n, back))}</ul></section>`;
  return forumLayout({ data, state, flash, title: post.title, body, sidebar: forumSidebar(data, state, post.forum) });
}

export function renderCommentPage(data: ForumData, state: ForumState, post: Post, comment: Comment, flash: ForumState['flash'], error?: string): string {
  const back = forumPaths.comment(post, comment.id);
  const comments = commentsOf(data, state, post.id);
  const node: CommentNode = { comment, replies: commentTree(state, comments, comment.id) };
  const body = html`<p>Comment on <a href="${forumPaths.post(post)}">${post.title}</a> in <a href="${forumPaths.forum(post.forum)}">${post.forum}</a></p>
  <section class="comments" id="comments"><ul>${commentItem(state, post, node, back)}</ul></section>
  ${error ? html`<div class="msg error" role="alert">${error}</div>` : ''}
  <form method="post" action="${back}" class="field"><label for="reply">Reply</label>
    <textarea id="reply" name="body" rows="3"></textarea><button type="submit">Post reply</button></form>
  <p><a href="${forumPaths.post(post)}">View all comments</a></p>`;
  return forumLayout({ data, state, flash, title: `Comment by ${comment.author}`, body, sidebar: forumSidebar(data, state, post.forum) });
}
