// State change over two directory pages (5–8 steps): subscribe to every forum of a category with more (or
// fewer) subscribers than a threshold. Oracle: Forums → subscribe on page 1 → Next → subscribe on page 2.
import type { ForumData } from '../data';
import { PAGE_SIZE, pristineState, subscriberCount } from '../model';
import { REDDIT, clickButton, clickLink, defineForumFamily, forumListPage, paramPattern, pathPattern, stateGoal, stop, urlGoal } from './common';

interface Params {
  group: string;
  threshold: number;
  more: boolean;
}

/** Forums of the category past the threshold, in directory order. */
function matching(data: ForumData, { group, threshold, more }: Params): string[] {
  const state = pristineState(data);
  return data.forums
    .filter((f) => f.group === group && (more ? subscriberCount(data, state, f.name) > threshold : subscriberCount(data, state, f.name) < threshold))
    .map((f) => f.name);
}

/** A round number t with a + 1 < t < b, so the threshold reads naturally and a forum at a stays below it
 * even after the user's own subscription adds one; undefined when the counts are too close. */
function roundBetween(a: number, b: number): number | undefined {
  for (const step of [1000, 500, 100, 50, 10, 5, 1]) {
    const t = Math.ceil((a + 2) / step) * step;
    if (t < b) return t;
  }
  return undefined;
}

/** The subscriptions page as one sorted line, so an exact match rejects extra subscriptions (subscribing to the
 * whole category passes a must_include of the targets) and dropped ones. */
const SUBSCRIPTIONS_LOCATOR = "[...document.querySelectorAll('#subscriptions > li > a')].map((a) => '[' + a.textContent + ']').sort().join(' ')";
function subscriptionsAfter(data: ForumData, targets: string[]): string {
  return [...new Set([...pristineState(data).subscriptions, ...targets])].map((f) => `[${f}]`).sort().join(' ');
}

export const subscribeCategory = defineForumFamily<Params>({
  id: 'forum/subscribe-category',
  kind: 'change',
  code: 308,
  description: 'Subscribe to every forum of a category above or below a subscriber count (forum directory over two pages).',
  templates: [
    'Subscribe me to every {{category}} forum that has more than {{threshold}} subscribers.',
    'Subscribe me to every {{category}} forum that has fewer than {{threshold}} subscribers.',
  ],
  enumerate(data) {
    const state = pristineState(data);
    const out: Params[] = [];
    const groups = [...new Set(data.forums.map((f) => f.group))];
    for (const group of groups) {
      const counts = data.forums.filter((f) => f.group === group).map((f) => subscriberCount(data, state, f.name)).sort((a, b) => a - b);
      for (let i = 0; i + 1 < counts.length; i++) {
        const threshold = roundBetween(counts[i], counts[i + 1]);
        if (threshold === undefined) continue;
        for (const more of [true, false]) {
          const params = { group, threshold, more };
          // At least two forums to subscribe to, so doing nothing (or one click) never passes.
          if (matching(data, params).filter((f) => !state.subscriptions.has(f)).length >= 2) out.push(params);
        }
      }
    }
    return out;
  },
  build(data, params) {
    const state = pristineState(data);
    const targets = matching(data, params);
    const todo = targets.filter((f) => !state.subscriptions.has(f));
    const onPage = (page: number) => todo.filter((f) => forumListPage(data, f) === page);
    const pages = Math.ceil(data.forums.length / PAGE_SIZE);
    const first = onPage(1);
    const later = todo.filter((f) => forumListPage(data, f) > 1);
    return {
      template: params.more ? 0 : 1,
      instantiation: { category: params.group, threshold: params.threshold },
      startUrl: REDDIT,
      eval: {
        kind: 'program_html',
        targets: [{
          url: `${REDDIT}/subscriptions`,
          locator: SUBSCRIPTIONS_LOCATOR,
          required_contents: { exact_match: subscriptionsAfter(data, targets) },
        }],
      },
      oracle: [
        clickLink('Forums'),
        ...first.map((f) => clickButton(`Subscribe to ${f}`)),
        ...Array.from({ length: pages - 1 }, (_, i) => [clickLink('Next'), ...onPage(i + 2).map((f) => clickButton(`Subscribe to ${f}`))]).flat(),
        stop(),
      ],
      subgoals: [
        urlGoal('Open the list of forums', pathPattern('/forums')),
        ...(first.length ? [stateGoal(`Subscribe to ${first.join(', ')} on the first page`, 'forum.subscribed', { forums: first })] : []),
        // A state milestone where page 2 has work: the pages may be done in either order, and a URL milestone
        // after the page-1 one would stay unmet when page 2 came first (the monitor checks milestones in order).
        later.length
          ? stateGoal(`Subscribe to ${later.join(', ')} on the next page`, 'forum.subscribed', { forums: later })
          : urlGoal('Go on to the next page of forums', paramPattern('page', 2)),
        stateGoal(`Be subscribed to all of ${targets.join(', ')}`, 'forum.subscribed', { forums: targets }),
      ],
    };
  },
});
