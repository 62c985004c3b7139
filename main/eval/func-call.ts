// `func:` expressions in program_html urls and locators (docs/design/WEBARENA.md §2.4). The original eval()s them
// as Python; here the call is parsed as a Python expression (a name and string-literal / __page__ arguments)
// and dispatched to a known helper, so config text is never executed.
import { parsePythonExpression, type PyNode } from '../actions/python-expression';
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

/** Parses `name(arg, …)` as Python reads the call (main/actions/python-expression.ts): each argument is
 * __page__ or a string literal, with Python's quoting, escapes and adjacent-literal joining. */
export function parseFuncCall(text: string): FuncCall {
  let node: PyNode;
  try {
    node = parsePythonExpression(text);
  } catch (err) {
    throw new Error(`cannot parse helper call "${text}": ${err instanceof Error ? err.message : String(err)}`);
  }
  if (node.kind !== 'call' || node.func.kind !== 'name') throw new Error(`cannot parse helper call "${text}": expected name(arguments)`);
  if (node.keywords.length > 0) throw new Error(`cannot parse helper call "${text}": keyword arguments are not used by any helper`);
  const args = node.args.map((arg, i): FuncArg => {
    if (arg.kind === 'name' && arg.id === '__page__') return { kind: 'page' };
    if (arg.kind === 'constant' && arg.value.type === 'str') return { kind: 'string', value: arg.value.value };
    throw new Error(`cannot parse helper call "${text}": argument ${i + 1} must be __page__ or a string`);
  });
  return { name: node.func.id, args };
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
