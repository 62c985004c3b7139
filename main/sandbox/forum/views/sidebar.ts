// Sidebars: a forum's (description, subscribers, subscribe button, submit link, moderator) and the front
// page's; both end with a "popular forums" list that is there to distract.
import { html, type SafeHtml } from '../../html';
import type { ForumData } from '../data';
import { subscriberCount } from '../model';
import type { ForumState } from '../state';
import { backField, forumPaths } from './layout';

/** Subscribe or unsubscribe button; `named` adds the forum to the button name (lists of forums). */
export function subscribeForm(state: ForumState, forum: string, back: string, named: boolean): SafeHtml {
  const on = state.subscriptions.has(forum);
  const label = on ? (named ? `Unsubscribe from ${forum}` : 'Unsubscribe') : named ? `Subscribe to ${forum}` : 'Subscribe';
  return html`<form method="post" action="${forumPaths.forum(forum)}/${on ? 'unsubscribe' : 'subscribe'}">${backField(back)}
    <button type="submit"${named ? html` aria-label="${label}"` : ''}>${on ? 'Unsubscribe' : 'Subscribe'}</button></form>`;
}

function popular(data: ForumData): SafeHtml {
  const top = data.forums.slice().sort((a, b) => b.subscribers - a.subscribers).slice(0, 5);
  return html`<h3>Popular forums</h3><ul>${top.map((f) => html`<li><a href="${forumPaths.forum(f.name)}">${f.name}</a></li>`)}</ul>`;
}

export function forumSidebar(data: ForumData, state: ForumState, name: string, back = forumPaths.forum(name)): SafeHtml {
  const f = data.forumByName.get(name)!;
  const n = subscriberCount(data, state, name);
  return html`<section id="forum-info"><h2><a href="${forumPaths.forum(name)}">${name}</a></h2><p>${f.description}</p>
    <p>Category: ${f.group}</p><p>${n === 1 ? '1 subscriber' : `${n} subscribers`}</p>
    ${subscribeForm(state, name, back, false)}
    <p><a href="${forumPaths.submit(name)}">Submit a new post</a></p>
    <p class="meta">Moderator: <a href="${forumPaths.user(f.moderator)}">${f.moderator}</a></p></section>${popular(data)}`;
}

export function homeSidebar(data: ForumData): SafeHtml {
  return html`<h2>Welcome to ${data.siteName}</h2><p>Join the conversation in ${data.forums.length} forums.</p>
    <p><a href="${forumPaths.submit()}">Create a submission</a></p><p><a href="${forumPaths.forums}">Browse all forums</a></p>${popular(data)}`;
}
