// The shopping helpers that the original answers from Magento's REST API with an admin token
// (helper_functions.py: shopping_get_latest_order_url, shopping_get_sku_latest_review_author/_rating).
// Credentials are the caller's to give (ctx.shoppingAdmin); none are built in.

export interface ShoppingAdminCredentials {
  username: string;
  password: string;
}

type FetchLike = typeof fetch;

async function adminToken(base: string, creds: ShoppingAdminCredentials, fetchImpl: FetchLike): Promise<string> {
  const res = await fetchImpl(`${base}/rest/default/V1/integration/admin/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: creds.username, password: creds.password }),
  });
  if (!res.ok) throw new Error(`admin token request to ${base} failed with HTTP ${res.status}`);
  const token: unknown = await res.json();
  if (typeof token !== 'string') throw new Error('admin token response was not a string');
  return token;
}

async function getJson(url: string, token: string, fetchImpl: FetchLike): Promise<unknown> {
  const res = await fetchImpl(url, { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
  if (res.status !== 200) throw new Error(`GET ${url} answered HTTP ${res.status}`);
  return res.json();
}

/** The newest order (created_at descending, one item): `<base>/sales/order/view/order_id/<int(increment_id)>/`. */
export async function shoppingLatestOrderUrlFromApi(base: string, creds: ShoppingAdminCredentials, fetchImpl: FetchLike = fetch): Promise<string> {
  const token = await adminToken(base, creds, fetchImpl);
  const params = new URLSearchParams({
    'searchCriteria[sortOrders][0][field]': 'created_at',
    'searchCriteria[sortOrders][0][direction]': 'DESC',
    'searchCriteria[pageSize]': '1',
  });
  const body = (await getJson(`${base}/rest/V1/orders?${params}`, token, fetchImpl)) as { items?: { increment_id?: string }[] };
  const incrementId = body.items?.[0]?.increment_id;
  if (incrementId === undefined) throw new Error('the orders API returned no order');
  return `${base}/sales/order/view/order_id/${parseInt(incrementId, 10)}/`;
}

interface Review {
  nickname?: string;
  ratings?: { rating_name?: string; percent?: number }[];
}

async function reviews(base: string, sku: string, creds: ShoppingAdminCredentials, fetchImpl: FetchLike): Promise<Review[]> {
  const token = await adminToken(base, creds, fetchImpl);
  const body = await getJson(`${base}/rest/V1/products/${encodeURIComponent(sku)}/reviews`, token, fetchImpl);
  return Array.isArray(body) ? (body as Review[]) : [];
}

/** Nickname of the product's latest review ("" when it has none). */
export async function shoppingSkuLatestReviewAuthor(base: string, sku: string, creds: ShoppingAdminCredentials, fetchImpl: FetchLike = fetch): Promise<string> {
  const list = await reviews(base, sku, creds, fetchImpl);
  return list.length === 0 ? '' : String(list[list.length - 1].nickname ?? '');
}

/** Rating percent of the product's latest review ("" when it has none). */
export async function shoppingSkuLatestReviewRating(base: string, sku: string, creds: ShoppingAdminCredentials, fetchImpl: FetchLike = fetch): Promise<string> {
  const list = await reviews(base, sku, creds, fetchImpl);
  if (list.length === 0) return '';
  // The original asserts that the first review's first rating is the one named "Rating" before reading it.
  const first = list[0].ratings?.[0]?.rating_name;
  if (first !== 'Rating') throw new Error(`the first review's first rating is ${JSON.stringify(first ?? null)}, not "Rating" (the original asserts it)`);
  return String(list[list.length - 1].ratings?.[0]?.percent ?? '');
}
