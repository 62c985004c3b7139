// The submission form (new post: Title, Body, Forum) and the edit form of the user's own post. Both keep the
// typed values and list the problems when a field is missing.
import { html } from '../../html';
import type { ForumData, Post } from '../data';
import type { ForumState } from '../state';
import { forumLayout, forumPaths } from './layout';

export interface PostFields {
  title: string;
  body: string;
  forum: string;
}

function errorList(errors: string[]) {
  return errors.map((e) => html`<div class="msg error" role="alert">${e}</div>`);
}

export function renderSubmit(data: ForumData, state: ForumState, fields: PostFields, errors: string[]): string {
  const options = data.forums.map((f) => html`<option value="${f.name}"${f.name === fields.forum ? html` selected` : ''}>${f.name}</option>`);
  const body = html`<h1>Create submission</h1>${errorList(errors)}
  <form method="post" action="${forumPaths.submit()}" id="submit-form">
    <div class="field"><label for="title">Title</label><input id="title" name="title" type="text" maxlength="300" value="${fields.title}"></div>
    <div class="field"><label for="body">Body</label><textarea id="body" name="body" rows="6">${fields.body}</textarea></div>
    <div class="field"><label for="forum">Forum</label><select id="forum" name="forum">
      <option value=""${fields.forum ? '' : html` selected`}>Choose a forum</option>${options}</select></div>
    <button type="submit">Create submission</button></form>`;
  return forumLayout({ data, state, title: 'Create submission', body });
}

export function renderEdit(data: ForumData, state: ForumState, post: Post, fields: Omit<PostFields, 'forum'>, errors: string[]): string {
  const body = html`<h1>Edit submission</h1>${errorList(errors)}
  <p>In <a href="${forumPaths.forum(post.forum)}">${post.forum}</a> · <a href="${forumPaths.post(post)}">Back to the post</a></p>
  <form method="post" action="${forumPaths.edit(post)}" id="edit-form">
    <div class="field"><label for="title">Title</label><input id="title" name="title" type="text" maxlength="300" value="${fields.title}"></div>
    <div class="field"><label for="body">Body</label><textarea id="body" name="body" rows="6">${fields.body}</textarea></div>
    <button type="submit">Save changes</button></form>`;
  return forumLayout({ data, state, title: 'Edit submission', body });
}

/** Validation shared by submit and edit. */
export function postFieldErrors(fields: Partial<PostFields>, needForum: boolean, forumExists: boolean): string[] {
  const errors: string[] = [];
  if (!fields.title) errors.push('The title must not be empty.');
  if ((fields.title ?? '').length > 300) errors.push('The title must be at most 300 characters long.');
  if (needForum && !forumExists) errors.push('Please choose a forum.');
  return errors;
}
