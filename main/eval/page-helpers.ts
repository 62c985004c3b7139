// The page-side `func:` helpers WebArena-Lite's program_html uses (original helper_functions.py),
// re-implemented against PageLike. Each JS snippet is a single expression; names are passed as JSON
// literals, never spliced into code unquoted.
import type { PageLike } from './page-like';
import { splitUrl } from './url-match';

/** reddit_get_post_url(url): a comment or post URL http://host/f/<forum>/<id>/… becomes the post URL
 * http://host/f/<forum>/<id>/; a path with fewer than four "/"-parts or not under /f/ is returned as it is.
 * The parts come from Python's urlparse (scheme lower-cased, the last segment's ";params" dropped). */
export function redditGetPostUrl(url: string): string {
  const { scheme, netloc, path } = splitUrl(url);
  const parts = path.split('/');
  if (parts.length < 4 || parts[1] !== 'f') return url;
  return `${scheme}://${netloc}/f/${parts[2]}/${parts[3]}/`;
}

/** gitlab_get_project_memeber_role(page, account): on a project's members page, the max-role text of the
 * row whose account sub-label is exactly "@account"; "" when the account is absent or the page is wrong. */
export async function gitlabGetProjectMemberRole(page: PageLike, account: string): Promise<string> {
  const handle = JSON.stringify(`@${account}`);
  try {
    const index = await page.evaluate<number>(
      `[...document.querySelectorAll("td[data-label='Account'] span.gl-avatar-labeled-sublabel")].findIndex((e) => e.outerText === ${handle})`,
    );
    // The original then reads querySelectorAll("td.col-max-role span")[index].outerText; index -1 throws → "".
    const role = await page.evaluate<string | null>(
      `(() => { const el = document.querySelectorAll("td.col-max-role span")[${Number(index)}]; return el ? el.outerText : null; })()`,
    );
    return typeof role === 'string' ? role : '';
  } catch {
    return '';
  }
}

/** Without admin API credentials, the latest order is read from the customer's "My Orders" page (newest
 * first): the first "View Order" link. The original asks Magento's REST API instead (shopping-api.ts). */
export async function shoppingLatestOrderUrlFromPage(page: PageLike, shoppingBase: string): Promise<string> {
  await page.goto(`${shoppingBase}/sales/order/history/`);
  const href = await page.evaluate<string | null>(
    `(() => { const a = document.querySelector("#my-orders-table a.action.view"); return a ? a.href : null; })()`,
  );
  if (typeof href !== 'string' || href.length === 0) {
    throw new Error(`no order link on ${shoppingBase}/sales/order/history/ (is the customer logged in and has an order?)`);
  }
  return href;
}
