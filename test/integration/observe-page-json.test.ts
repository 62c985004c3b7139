// The extraction comes back from the page as one JSON string (browser/observe.ts), written by the page's own
// JSON.stringify. A page may have changed what that does — Prototype.js 1.6 gives Array.prototype a toJSON that
// returns a string, legacy admin bundles still ship it — and the observation must read such a page all the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observe } from '../../main/browser/observe';
import type { BrowserSession } from '../../main/browser/session';
import { useFixturePages } from '../helpers/fixture-pages';

const pages = useFixturePages();
let session: BrowserSession;

beforeAll(async () => {
  session = await pages.pool.newSession();
});
afterAll(async () => {
  await session?.close();
});

const PAGE_SCRIPTS = {
  'Array.prototype.toJSON (Prototype.js 1.6)': "Array.prototype.toJSON = function () { return '[' + this.map(function (x) { return JSON.stringify(x); }).join(', ') + ']'; };",
  'String.prototype.toJSON': "String.prototype.toJSON = function () { return 'x'; };",
  'a replaced JSON.stringify': 'JSON.stringify = function () { return "{}"; };',
};

describe('observing a page that changed JSON', () => {
  it.each(Object.entries(PAGE_SCRIPTS))('reads a page with %s as any other', async (_name, script) => {
    await session.page.goto(`${pages.url}/form.html`);
    const plain = await observe(session, { screenshot: false });
    await session.page.evaluate(script);
    const changed = await observe(session, { screenshot: false });
    expect(changed.text).toBe(plain.text);
    expect(changed.text).toMatch(/\[\d+\] button 'Search'/);
    expect(changed.webrl).toEqual(plain.webrl);
  });
});
