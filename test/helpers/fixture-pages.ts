// The browser tests' setting, for a whole test file: a test's own pages served on loopback (`useLoopback`), one
// session on the test run's shared Chromium (test/setup/browser-server.ts) (`useSession`), or the fixture pages
// (test/fixtures/pages) with a BrowserPool to open sessions on them (`useFixturePages`); all closed after the
// file's last test.
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { BrowserPool, type SessionOptions } from '../../main/browser/pool';
import type { BrowserSession } from '../../main/browser/session';
import { sharedBrowserEndpoint } from './shared-browser';
import { serveFolder, serveLoopback, type LoopbackServer } from './static-server';

/** `handler` served on 127.0.0.1 from before the file's first test to after its last; `url` is its base URL. */
export function useLoopback(handler: RequestListener): { readonly url: string } {
  let server: LoopbackServer | null = null;
  beforeAll(async () => {
    server = await serveLoopback(handler);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("useLoopback(): the server runs only inside this file's tests and later hooks.");
      return server.url;
    },
  };
}

export interface FixturePages {
  /** The pages' base URL, e.g. `${url}/form.html`. */
  readonly url: string;
  readonly pool: BrowserPool;
  /** A fresh session on `page` (a file under test/fixtures/pages), closed after `use` whatever it does. */
  onPage<T>(page: string, use: (session: BrowserSession) => Promise<T>, options?: SessionOptions): Promise<T>;
}

/** A BrowserPool on the test run's shared Chromium and one session in it, for every test of the file. */
export function useSession(options?: SessionOptions): { readonly session: BrowserSession } {
  let pool: BrowserPool | null = null;
  let session: BrowserSession | null = null;
  beforeAll(async () => {
    pool = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint() });
    session = await pool.newSession(options);
  });
  afterAll(async () => {
    await session?.close();
    await pool?.close();
  });
  return {
    get session() {
      if (!session) throw new Error("useSession(): the session is open only inside this file's tests and later hooks.");
      return session;
    },
  };
}

export function useFixturePages(): FixturePages {
  let server: LoopbackServer | null = null;
  let pool: BrowserPool | null = null;
  beforeAll(async () => {
    server = await serveFolder(join(import.meta.dirname, '../fixtures/pages'));
    pool = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint() });
  });
  afterAll(async () => {
    await pool?.close();
    await server?.close();
  });
  const ready = () => {
    if (!server || !pool) throw new Error("useFixturePages(): the pages and the pool exist only inside this file's tests and later hooks.");
    return { server, pool };
  };
  return {
    get url() {
      return ready().server.url;
    },
    get pool() {
      return ready().pool;
    },
    async onPage(page, use, options) {
      const { server, pool } = ready();
      const session = await pool.newSession(options);
      try {
        await session.page.goto(`${server.url}/${page}`);
        return await use(session);
      } finally {
        await session.close();
      }
    },
  };
}
