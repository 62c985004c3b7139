// A small read-only view of the forum for families of other sites (e.g. cross-site "find X on the map, then
// post about it on the forum"). URLs use the WebArena placeholder, as task configs and oracle steps do.
import { SITE_SLOTS } from '../site';
import { getForumData } from './data';

export const REDDIT = SITE_SLOTS.forum.placeholder;

/** Every forum name of the dataset, sorted by name as the Forums page lists them. */
export function forumNames(datasetSeed: number): string[] {
  return getForumData(datasetSeed).forums.map((f) => f.name);
}

/** Forum names with their category (Science, Gaming, Food, Technology, Books, Outdoors, Music, Lifestyle). */
export function forumsByCategory(datasetSeed: number): Array<{ name: string; category: string; description: string }> {
  return getForumData(datasetSeed).forums.map((f) => ({ name: f.name, category: f.group, description: f.description }));
}

/** The signed-in user of every episode. */
export function forumUser(datasetSeed: number): string {
  return getForumData(datasetSeed).user;
}

/** The submission form, with the forum preselected when given. Its fields are labelled "Title", "Body" and
 * "Forum" (a select), the button is "Create submission"; it answers with a 303 to the new post's page. */
export function forumSubmitUrl(forum?: string): string {
  return `${REDDIT}/submit${forum ? `/${forum}` : ''}`;
}

export function forumUrl(forum: string): string {
  return `${REDDIT}/f/${forum}`;
}

/** The forum's listing sorted by new: a program_html target where a just-created post is on top. */
export function forumNewestUrl(forum: string): string {
  return `${REDDIT}/f/${forum}?sort=new`;
}

/** Form labels and button of the submission form, for oracle steps (typeInto / selectOption / clickButton). */
export const SUBMIT_FORM = { title: 'Title', body: 'Body', forum: 'Forum', button: 'Create submission', created: 'Your submission was created.' } as const;

/** A program_html locator reading the first post (title and body) of a post page; pair it with url "last"
 * after the oracle submits, or with forumNewestUrl for the listing (titles only). */
export const POST_PAGE_LOCATOR = "document.querySelector('#post').outerText";

/** `site_state` check that a post with this title (and body) was created in the forum during the episode. */
export function postCreatedCheck(forum: string, title: string, body?: string): { check: string; args: Record<string, unknown> } {
  return { check: 'forum.post_created', args: body === undefined ? { forum, title } : { forum, title, body } };
}
