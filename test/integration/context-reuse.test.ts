import { describe, expect, it } from 'vitest';
import { BrowserPool } from '../../main/browser/pool';
import { useFixturePages } from '../helpers/fixture-pages';
import { sharedBrowserEndpoint } from '../helpers/shared-browser';

// Contexts reused between episodes (issue 22; main/browser/context-reuse.ts): a closed session's context is reset
// and handed to the next episode on the same browser with the same viewport. Nothing of the first episode may
// reach the second: not its cookies (the sandbox's per-episode state rides on one), not its local or session
// storage or IndexedDB, not its tabs. Real Chromium.

const pages = useFixturePages();

const storageOf = (page: import('playwright').Page) =>
  page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.getItem('mark'),
    session: sessionStorage.getItem('mark'),
    databases: (await indexedDB.databases()).map((d) => d.name),
    name: window.name,
    history: history.length,
  }));

describe('context reuse between episodes', () => {
  it('hands the next episode the same context, with no cookies, storage or tabs left from the last', async () => {
    const first = await pages.pool.newSession({ cookies: [{ name: 'mira_state', value: 'episode-1', url: pages.url }] });
    await first.page.goto(`${pages.url}/form.html`);
    await first.page.goto(`${pages.url}/form.html?again`);
    await first.page.evaluate(async () => {
      window.name = 'episode 1';
      // Written as the page goes away, after the reset's own clearing began.
      addEventListener('pagehide', () => sessionStorage.setItem('late', 'episode 1'));
      localStorage.setItem('mark', 'episode 1');
      sessionStorage.setItem('mark', 'episode 1');
      document.cookie = 'page_cookie=1; path=/';
      await new Promise((resolve, reject) => {
        const open = indexedDB.open('episode-db', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('marks');
        open.onsuccess = () => (open.result.close(), resolve(null));
        open.onerror = () => reject(open.error);
      });
    });
    expect(await storageOf(first.page)).toEqual({
      cookie: 'mira_state=episode-1; page_cookie=1', local: 'episode 1', session: 'episode 1', databases: ['episode-db'], name: 'episode 1', history: 3,
    });
    const firstTab = first.page;
    await first.context.newPage(); // a second tab the episode opened
    const context = first.context;
    await first.close();

    const second = await pages.pool.newSession({ cookies: [{ name: 'mira_state', value: 'episode-2', url: pages.url }] });
    expect(second.context).toBe(context);
    // The first tab is handed on, emptied (it keeps its renderer process); the second one is closed.
    expect(second.pages).toEqual([firstTab]);
    expect(context.pages()).toEqual([firstTab]);
    expect(second.page.url()).toBe('about:blank');
    await second.page.goto(`${pages.url}/form.html`);
    expect(await storageOf(second.page)).toEqual({ cookie: 'mira_state=episode-2', local: null, session: null, databases: [], name: '', history: 2 });
    expect(await second.page.evaluate(() => sessionStorage.getItem('late'))).toBeNull();
    // Back goes to the blank page the tab was emptied to, never to the first episode's pages.
    await second.page.goBack();
    expect(second.page.url()).toBe('about:blank');
    await second.page.goBack().catch(() => undefined);
    expect(second.page.url()).toBe('about:blank');
    // The first session's listeners left the tab with it: its navigations are the second episode's alone.
    expect(first.origins.size).toBe(1);
    expect(second.origins).toEqual(new Set([new URL(pages.url).origin]));
    expect(second.crashed).toBeNull();
    await second.close();
  });

  it('closes a tab that showed more than one origin instead of handing it on', async () => {
    const first = await pages.pool.newSession();
    await first.page.goto(`${pages.url}/form.html`);
    const otherOrigin = pages.url.replace('127.0.0.1', 'localhost');
    await first.page.goto(`${otherOrigin}/form.html`);
    await first.page.evaluate(() => sessionStorage.setItem('mark', 'episode 1'));
    const firstTab = first.page;
    const context = first.context;
    await first.close();

    const second = await pages.pool.newSession();
    expect(second.context).toBe(context);
    expect(second.page).not.toBe(firstTab);
    expect(firstTab.isClosed()).toBe(true);
    await second.page.goto(`${otherOrigin}/form.html`);
    expect(await second.page.evaluate(() => sessionStorage.getItem('mark'))).toBeNull();
    await second.close();
  });

  it('never hands a context to an episode with another viewport', async () => {
    const wide = await pages.pool.newSession();
    const wideContext = wide.context;
    await wide.close();
    const small = await pages.pool.newSession({ viewport: { width: 332, height: 214 } });
    expect(small.context).not.toBe(wideContext);
    expect(small.page.viewportSize()).toEqual({ width: 332, height: 214 });
    await small.close();
    const wideAgain = await pages.pool.newSession();
    expect(wideAgain.page.viewportSize()).toEqual({ width: 1280, height: 720 });
    await wideAgain.close();
  });

  it('opens a fresh context per episode when reuse is off', async () => {
    const fresh = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint(), reuseContexts: false });
    try {
      const first = await fresh.newSession();
      const context = first.context;
      await first.close();
      const second = await fresh.newSession();
      expect(second.context).not.toBe(context);
      await second.close();
    } finally {
      await fresh.close();
    }
  });

  it('frees the context place whether the context was parked or closed', async () => {
    const capped = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint(), maxContexts: 1 });
    try {
      for (let i = 0; i < 3; i++) {
        const session = await capped.newSession();
        expect(capped.slots.inUse).toBe(1);
        await session.close();
        expect(capped.slots.inUse).toBe(0);
      }
    } finally {
      await capped.close();
    }
  });
});
