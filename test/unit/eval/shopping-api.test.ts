import { describe, expect, it } from 'vitest';
import {
  shoppingLatestOrderUrlFromApi,
  shoppingSkuLatestReviewAuthor,
  shoppingSkuLatestReviewRating,
} from '../../../main/eval/shopping-api';

// The Magento admin REST helpers of the original helper_functions.py (docs/design/WEBARENA.md §2.4), against a
// stand-in for Magento's REST API: a token endpoint and the two GET endpoints the helpers read.
const BASE = 'http://shop.test:7770';
const creds = { username: 'admin', password: 'pw' };

function magento(routes: Record<string, unknown>) {
  const calls: { url: string; auth?: string }[] = [];
  const fetchImpl = (async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ url, auth: headers.Authorization });
    if (url === `${BASE}/rest/default/V1/integration/admin/token`) return Response.json('tok123');
    const path = url.slice(BASE.length).split('?')[0];
    if (path in routes) return Response.json(routes[path]);
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('shopping_get_latest_order_url', () => {
  it('asks for the newest order by created_at and builds the URL from int(increment_id)', async () => {
    const m = magento({ '/rest/V1/orders': { items: [{ increment_id: '000000190', entity_id: 7 }] } });
    expect(await shoppingLatestOrderUrlFromApi(BASE, creds, m.fetchImpl)).toBe(`${BASE}/sales/order/view/order_id/190/`);
    const query = new URL(m.calls[1].url).searchParams;
    expect(query.get('searchCriteria[sortOrders][0][field]')).toBe('created_at');
    expect(query.get('searchCriteria[sortOrders][0][direction]')).toBe('DESC');
    expect(query.get('searchCriteria[pageSize]')).toBe('1');
    expect(m.calls[1].auth).toBe('Bearer tok123');
  });
  it('fails, as the original does, when there is no order', async () => {
    const m = magento({ '/rest/V1/orders': { items: [] } });
    await expect(shoppingLatestOrderUrlFromApi(BASE, creds, m.fetchImpl)).rejects.toThrow(/no order/);
  });
});

describe('shopping_get_sku_latest_review_author / _rating', () => {
  const reviews = [
    { nickname: 'first', ratings: [{ rating_name: 'Rating', percent: 60 }] },
    { nickname: 'Emma', ratings: [{ rating_name: 'Rating', percent: 80 }] },
  ];
  it('read the last review of the list: its nickname, and str() of its first rating percent', async () => {
    const m = magento({ '/rest/V1/products/MSH09/reviews': reviews });
    expect(await shoppingSkuLatestReviewAuthor(BASE, 'MSH09', creds, m.fetchImpl)).toBe('Emma');
    expect(await shoppingSkuLatestReviewRating(BASE, 'MSH09', creds, m.fetchImpl)).toBe('80');
  });
  it('give "" for a product without reviews', async () => {
    const m = magento({ '/rest/V1/products/MSH09/reviews': [] });
    expect(await shoppingSkuLatestReviewAuthor(BASE, 'MSH09', creds, m.fetchImpl)).toBe('');
    expect(await shoppingSkuLatestReviewRating(BASE, 'MSH09', creds, m.fetchImpl)).toBe('');
  });
  it("the rating helper refuses a first review whose first rating is not named \"Rating\" (the original's assert)", async () => {
    const m = magento({ '/rest/V1/products/MSH09/reviews': [{ nickname: 'x', ratings: [{ rating_name: 'Quality', percent: 20 }] }, reviews[1]] });
    await expect(shoppingSkuLatestReviewRating(BASE, 'MSH09', creds, m.fetchImpl)).rejects.toThrow(/not "Rating"/);
  });
  it('a non-200 answer is an error, as the original asserts status 200', async () => {
    const m = magento({});
    await expect(shoppingSkuLatestReviewAuthor(BASE, 'MSH09', creds, m.fetchImpl)).rejects.toThrow(/HTTP 404/);
  });
});
