// `func:` expressions in program_html urls and locators (docs/design/WEBARENA.md §2.4). The original eval()s them
// as Python; here the call is parsed (a name and quoted-string / __page__ arguments) and dispatched to a
// known helper, so config text is never executed.
import type { PageLike } from './page-like';
import { gitlabGetProjectMemberRole, redditGetPostUrl, shoppingLatestOrderUrlFromPage } from './page-helpers';
import {
  shoppingLatestOrderUrlFromApi,
  shoppingSkuLatestReviewAuthor,
  shoppingSkuLatestReviewRating,
  type ShoppingAdminCredentials,
} from './shopping-api';

export type FuncArg = { kind: 'page' } | { kind: 'string'; value: string };
export interface FuncCall {
  name: string;
  args: FuncArg[];
}

/** Parses `name(arg, …)` where each arg is __page__ or a '…' / "…" string (backslash escapes allowed). */
export function parseFuncCall(text: string): FuncCall {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([\s\S]*)\)\s*$/.exec(text);
  if (!m) throw new Error(`cannot parse helper call "${text}": expected name(arguments)`);
  const args: FuncArg[] = [];
  const re = /\s*(?:(__page__)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*(,|$)/y;
  const body = m[2];
  let pos = 0;
  while (pos < body.length && body.slice(pos).trim().length > 0) {
    re.lastIndex = pos;
    const a = re.exec(body);
    if (!a) throw new Error(`cannot parse the arguments of helper call "${text}" at "${body.slice(pos)}"`);
    if (a[1]) args.push({ kind: 'page' });
    else args.push({ kind: 'string', value: (a[2] ?? a[3]).replace(/\\(.)/g, '$1') });
    pos = re.lastIndex;
    if (a[4] === '') break;
  }
  return { name: m[1], args };
}

export interface HelperEnv {
  page?: PageLike;
  /** Resolves __SHOPPING__ and friends; throws when one is unresolved. */
  placeholders: (s: string) => string;
  shoppingAdmin?: ShoppingAdminCredentials;
  fetchImpl?: typeof fetch;
}

/** Calls a helper and returns its text plus how it was obtained (for the check's note). */
export async function callHelper(call: FuncCall, env: HelperEnv): Promise<{ value: string; how: string }> {
  const str = (i: number): string => {
    const a = call.args[i];
    if (!a || a.kind !== 'string') throw new Error(`${call.name}: argument ${i + 1} must be a quoted string`);
    return a.value;
  };
  const needPage = (): PageLike => {
    if (!env.page) throw new Error(`${call.name} needs a browser page and none was given`);
    return env.page;
  };
  const shoppingBase = () => env.placeholders('__SHOPPING__').replace(/\/+$/, '');
  const creds = (): ShoppingAdminCredentials => {
    if (!env.shoppingAdmin) throw new Error(`${call.name} reads Magento's admin REST API; configure the shopping admin credentials`);
    return env.shoppingAdmin;
  };
  switch (call.name) {
    case 'reddit_get_post_url':
      return { value: redditGetPostUrl(str(0)), how: 'post URL derived from the URL' };
    case 'gitlab_get_project_memeber_role':
      if (call.args[0]?.kind !== 'page') throw new Error(`${call.name}: the first argument must be __page__`);
      return { value: await gitlabGetProjectMemberRole(needPage(), str(1)), how: `role of @${str(1)} read from the members page` };
    case 'shopping_get_latest_order_url':
      if (env.shoppingAdmin) {
        return { value: await shoppingLatestOrderUrlFromApi(shoppingBase(), env.shoppingAdmin, env.fetchImpl), how: 'latest order from the admin REST API' };
      }
      return { value: await shoppingLatestOrderUrlFromPage(needPage(), shoppingBase()), how: "latest order read from the customer's My Orders page (no admin API credentials)" };
    case 'shopping_get_sku_latest_review_author':
      return { value: await shoppingSkuLatestReviewAuthor(shoppingBase(), str(0), creds(), env.fetchImpl), how: 'latest review author from the admin REST API' };
    case 'shopping_get_sku_latest_review_rating':
      return { value: await shoppingSkuLatestReviewRating(shoppingBase(), str(0), creds(), env.fetchImpl), how: 'latest review rating from the admin REST API' };
    default:
      throw new Error(`helper "${call.name}" is not implemented (known: reddit_get_post_url, shopping_get_latest_order_url, gitlab_get_project_memeber_role, shopping_get_sku_latest_review_author, shopping_get_sku_latest_review_rating)`);
  }
}
