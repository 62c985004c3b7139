// The frame every forum page shares (Postmill-like): top bar with site name, Forums / Submit links, search,
// the signed-in user's menu; flash messages; main column and optional sidebar; footer with wiki links.
import { html, htmlDocument, raw, type HtmlValue } from '../../html';
import type { ForumData, Post } from '../data';
import type { ForumState } from '../state';

export const FORUM = '/forum';

export const forumPaths = {
  home: FORUM,
  forums: `${FORUM}/forums`,
  forum: (name: string) => `${FORUM}/f/${name}`,
  post: (p: Post) => `${FORUM}/f/${p.forum}/${p.id}/${p.slug}`,
  comment: (p: Post, commentId: number) => `${FORUM}/f/${p.forum}/${p.id}/-/comment/${commentId}`,
  edit: (p: Post) => `${FORUM}/f/${p.forum}/${p.id}/-/edit`,
  submit: (forum?: string) => `${FORUM}/submit${forum ? `/${forum}` : ''}`,
  user: (name: string) => `${FORUM}/user/${name}`,
  userComments: (name: string) => `${FORUM}/user/${name}/comments`,
  search: `${FORUM}/search`,
  subscriptions: `${FORUM}/subscriptions`,
  vote: `${FORUM}/vote`,
  wiki: (slug: string) => `${FORUM}/wiki/${slug}`,
};

export const WIKI_PAGES: Record<string, { title: string; text: string[] }> = {
  about: { title: 'About', text: ['This is a community-run forum powered by Postmill.', 'Anyone can create an account and join the discussion.'] },
  rules: { title: 'Site rules', text: ['Be civil. No spam. Stay on topic in each forum.', 'Moderators may remove posts that break the rules.'] },
  faq: { title: 'FAQ', text: ['Karma is the sum of the scores of your submissions and comments.', 'Hot ranking favours recent posts with many votes.'] },
  privacy: { title: 'Privacy policy', text: ['We store only what you submit.', 'Votes are private.'] },
  terms: { title: 'Terms of service', text: ['By using this site you agree to follow the site rules.'] },
  'log-out': { title: 'Log out', text: ['Logging out is disabled in this sandbox: every episode uses the same account.'] },
};

const STYLE = raw(`<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,Arial,sans-serif;color:#222;background:#f4f5f7}
a{color:#2a5db0;text-decoration:none}a:hover{text-decoration:underline}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{background:#2f3b52;color:#fff;display:flex;align-items:center;gap:18px;padding:8px 20px}
.top a{color:#fff;font-weight:600}.top .logo{font-size:20px}.top form{flex:1;display:flex;gap:6px}
.top input{flex:1;padding:6px;border:0;border-radius:3px}.top .me{margin-left:auto;display:flex;gap:14px}
button{background:#2a5db0;color:#fff;border:0;padding:6px 12px;border-radius:3px;cursor:pointer;font-size:13px}
button.plain{background:none;color:#666;padding:0 4px;font-size:15px}button.plain[aria-pressed=true]{color:#e0531f;font-weight:700}
.wrap{display:flex;gap:20px;padding:14px 20px;align-items:flex-start}.wrap main{flex:1;min-width:0}
.wrap aside{width:270px;flex:none;background:#fff;border:1px solid #dde;padding:12px}
.msg{padding:9px 12px;margin:0 0 10px}.msg.success{background:#e3f1e3;color:#1d5d1d}.msg.error{background:#fbe4e4;color:#a01818}
.tabs{display:flex;gap:10px;margin:6px 0 10px;flex-wrap:wrap}.tabs a,.tabs strong{padding:3px 9px;border-radius:3px}.tabs strong{background:#2f3b52;color:#fff}
.post{display:flex;gap:10px;background:#fff;border:1px solid #dde;padding:8px 10px;margin-bottom:6px}
.post .vote{display:flex;flex-direction:column;align-items:center;width:46px}.post .score{font-weight:700}
.post .title{font-size:15px;font-weight:600}.meta{color:#777;font-size:12px}
.comments ul{list-style:none;padding-left:22px;border-left:2px solid #e3e6ee}.comments>ul{padding-left:0;border:0}
.comment{background:#fff;padding:6px 10px;margin:6px 0}.comment .actions{display:flex;gap:10px;align-items:center;font-size:12px}
.pager{display:flex;gap:12px;margin:12px 0}.field{margin:10px 0}.field label{display:block;font-weight:600;margin-bottom:3px}
.field input,.field textarea,.field select{width:100%;max-width:640px;padding:6px;border:1px solid #bbc}
footer{padding:16px 20px;color:#777;font-size:12px}footer ul{list-style:none;padding:0;display:flex;gap:16px}
</style>`);

export interface LayoutOptions {
  data: ForumData;
  state: ForumState;
  title: string;
  body: HtmlValue;
  sidebar?: HtmlValue;
  flash?: ForumState['flash'];
  /** Current search text, kept in the search box. */
  q?: string;
}

export function forumLayout(o: LayoutOptions): string {
  const body = html`
<header class="top">
  <a class="logo" href="${forumPaths.home}">${o.data.siteName}</a>
  <nav aria-label="Site"><a href="${forumPaths.forums}">Forums</a> <a href="${forumPaths.submit()}">Submit</a></nav>
  <form role="search" action="${forumPaths.search}" method="get"><label class="sr-only" for="q">Search</label>
    <input id="q" type="text" name="q" value="${o.q ?? ''}" placeholder="Search submissions" autocomplete="off"><button type="submit">Search</button></form>
  <nav class="me" aria-label="User"><a href="${forumPaths.user(o.data.user)}">${o.data.user}</a>
    <a href="${forumPaths.subscriptions}">Subscriptions</a><a href="${forumPaths.wiki('log-out')}">Log out</a></nav>
</header>
<div class="wrap"><main>${(o.flash ?? []).map((m) => html`<div class="msg ${m.kind}" role="alert">${m.text}</div>`)}${o.body}</main>
  ${o.sidebar ? html`<aside>${o.sidebar}</aside>` : ''}</div>
<footer><ul>${Object.entries(WIKI_PAGES).filter(([slug]) => slug !== 'log-out').map(([slug, p]) =>
    html`<li><a href="${forumPaths.wiki(slug)}">${p.title}</a></li>`)}</ul><p>Powered by Postmill.</p></footer>`;
  return htmlDocument({ title: `${o.title} | ${o.data.siteName}`, head: STYLE, body });
}

/** A hidden field that tells a POST handler where to send the browser back to. */
export function backField(path: string) {
  return html`<input type="hidden" name="back" value="${path}">`;
}
