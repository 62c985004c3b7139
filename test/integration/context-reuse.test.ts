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
  }));

describe('context reuse between episodes', () => {
  it('hands the next episode the same context, with no cookies, storage or tabs left from the last', async () => {
    const first = await pages.pool.newSession({ cookies: [{ name: 'mira_state', value: 'episode-1', url: pages.url }] });
    await first.page.goto(`${pages.url}/form.html`);
    await first.page.evaluate(async () => {
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
    expect(await storageOf(first.page)).toEqual({ cookie: 'mira_state=episode-1; page_cookie=1', local: 'episode 1', session: 'episode 1', databases: ['episode-db'] });
    await first.context.newPage(); // a second tab the episode opened
    const context = first.context;
    await first.close();

    const second = await pages.pool.newSession({ cookies: [{ name: 'mira_state', value: 'episode-2', url: pages.url }] });
    expect(second.context).toBe(context);
    expect(second.pages).toHaveLength(1);
    expect(context.pages()).toHaveLength(1);
    await second.page.goto(`${pages.url}/form.html`);
    expect(await storageOf(second.page)).toEqual({ cookie: 'mira_state=episode-2', local: null, session: null, databases: [] });
    expect(second.crashed).toBeNull();
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
