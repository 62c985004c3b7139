// Information across pages (9–11 steps): of the authors of two forums' top posts, who has more karma? The
// agent must carry the first author's karma from one profile to the next. Oracle: forum A → Top → author's
// profile → forum B → Top → author's profile → answer.
import type { ForumData } from '../data';
import { forumPosts, karma, postScore, pristineState, sortPosts } from '../model';
import { REDDIT, clickLink, defineForumFamily, listingPattern, openForum, pathPattern, stop, uniqueMax, urlGoal } from './common';

interface Params {
  first: string;
  second: string;
}

function topAuthor(data: ForumData, forum: string): string | undefined {
  const state = pristineState(data);
  const top = uniqueMax(sortPosts(data, state, forumPosts(data, state, forum), 'top'), (p) => postScore(state, p));
  return top && top.author !== data.user ? top.author : undefined;
}

export const compareKarma = defineForumFamily<Params>({
  id: 'forum/compare-karma',
  kind: 'info',
  code: 304,
  description: 'Compare the karma of the authors of the top posts of two forums (two forums, two profiles, remember a number).',
  templates: [
    'Compare the authors of the all-time top posts in {{first}} and in {{second}}: which of the two users has more karma? Answer with the username.',
  ],
  enumerate(data) {
    const state = pristineState(data);
    const authors = data.forums.map((f) => ({ forum: f.name, author: topAuthor(data, f.name) })).filter((x) => x.author);
    const out: Params[] = [];
    for (const a of authors) {
      for (const b of authors) {
        if (a.forum >= b.forum || a.author === b.author) continue;
        if (karma(data, state, a.author!) === karma(data, state, b.author!)) continue;
        out.push({ first: a.forum, second: b.forum });
      }
    }
    // Both orders occur (alternating), so the first-named forum is not always the alphabetically first.
    return out.map((p, i) => (i % 2 ? { first: p.second, second: p.first } : p));
  },
  build(data, { first, second }) {
    const state = pristineState(data);
    const a = topAuthor(data, first)!;
    const b = topAuthor(data, second)!;
    const [ka, kb] = [karma(data, state, a), karma(data, state, b)];
    const winner = ka > kb ? a : b;
    return {
      template: 0,
      instantiation: { first, second },
      startUrl: REDDIT,
      eval: { kind: 'string_match', answers: { must_include: [winner] }, raw: `${a}: ${ka} karma, ${b}: ${kb} karma` },
      oracle: [
        ...openForum(data, first), clickLink('Top'), clickLink(a),
        ...openForum(data, second), clickLink('Top'), clickLink(b),
        stop(winner),
      ],
      subgoals: [
        urlGoal(`Sort ${first} by Top`, listingPattern(`/f/${first}`, 'sort', 'top')),
        urlGoal(`Open the profile of ${a} (karma ${ka})`, pathPattern(`/user/${a}`)),
        urlGoal(`Sort ${second} by Top`, listingPattern(`/f/${second}`, 'sort', 'top')),
        urlGoal(`Open the profile of ${b} (karma ${kb})`, pathPattern(`/user/${b}`)),
      ],
    };
  },
});
