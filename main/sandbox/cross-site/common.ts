// What cross-site families share (docs/design/SANDBOX.md §3.1: find something on one site, then act on another):
// a dataset view over the sites involved, the forum's "post it" steps, and topic matching between a map
// place and a forum. Cross-site oracles cross over with `goto` to the other site's placeholder, as a WebArena
// agent does from its start page list of sites.
import { forumsByCategory, postCreatedCheck, POST_PAGE_LOCATOR, REDDIT, SUBMIT_FORM } from '../forum/accessor';
import { clickButton, clickLink, goto, selectOption, stateGoal, typeInto, urlGoal, sitePathPattern, type FamilyBuild } from '../family-kit';
import { getMapData } from '../map/data';
import { perSeed } from '../per-seed';
import type { OracleStep, ReferenceSubgoal } from '../types';

export * from '../family-kit';

export { perSeed } from '../per-seed';

/** The map's dataset with its seed (the forum side is looked up by seed). */
export const mapWithSeed = perSeed((seed) => ({ seed, map: getMapData(seed) }));

// Forum groups that fit each map category (a post about a cafe belongs in a Food forum).
const GROUPS_BY_PLACE_CATEGORY: Record<string, string[]> = {
  cafe: ['Food'], restaurant: ['Food'], museum: ['Science', 'Books'], park: ['Outdoors'], hotel: ['Lifestyle'],
  station: ['Lifestyle'], university: ['Science'], library: ['Books'], pharmacy: ['Lifestyle'], hospital: ['Lifestyle'],
};

/** Forums whose topic fits a map place category (every forum when none is listed for it). */
export function forumsForPlaceCategory(seed: number, category: string): string[] {
  const groups = GROUPS_BY_PLACE_CATEGORY[category];
  const all = forumsByCategory(seed);
  const fitting = groups ? all.filter((f) => groups.includes(f.category)) : all;
  return (fitting.length > 0 ? fitting : all).map((f) => f.name);
}

export interface ForumPost {
  forum: string;
  title: string;
  body: string;
}

/** From any page of another site: go to the forum, open its submission form and submit the post. */
export function postOnForumSteps(post: ForumPost): OracleStep[] {
  return [
    goto(REDDIT),
    clickLink('Submit'),
    typeInto(SUBMIT_FORM.title, post.title),
    typeInto(SUBMIT_FORM.body, post.body),
    selectOption(SUBMIT_FORM.forum, post.forum),
    clickButton(SUBMIT_FORM.button),
  ];
}

/** The milestones of posting: on the form, then the post exists with this title and body. */
export function postOnForumSubgoals(post: ForumPost): ReferenceSubgoal[] {
  const created = postCreatedCheck(post.forum, post.title, post.body);
  return [
    urlGoal('Open the forum\'s submission form', sitePathPattern('forum', '/submit')),
    stateGoal(`Post "${post.title}" in the ${post.forum} forum`, created.check, created.args),
  ];
}

/** Scoring of a post: the page the agent ended on (the new post) and the forum's newest listing. Program
 * targets with url 'last' come first, since later targets navigate away from the final page. */
export function postEval(post: ForumPost, mustShow: string[]): FamilyBuild['eval'] {
  return {
    kind: 'program_html',
    targets: [
      { url: 'last', locator: POST_PAGE_LOCATOR, required_contents: { must_include: [post.title, ...mustShow, post.forum] } },
      { url: `${REDDIT}/f/${post.forum}?sort=new`, locator: "document.querySelector('#posts .post .title').outerText", required_contents: { must_include: [post.title] } },
    ],
  };
}
