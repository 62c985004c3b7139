// A browser that stops responding (a frozen process, a remote one gone silent) keeps every call pending, even
// the close an abort sends. The episode must still end, recorded as the browser's failure, and the next episode
// must get a new browser. Here the shared Chromium is reached through a proxy that can freeze its connections.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runEpisode } from '../../main/agent/episode-loop';
import type { Policy } from '../../main/agent/policy';
import { BrowserPool } from '../../main/browser/pool';
import { openStore, type Store } from '../../main/store';
import { sharedBrowserEndpoint } from '../helpers/shared-browser';

interface FreezableProxy {
  url: string;
  /** Stops passing bytes on every connection open now; later connections pass. */
  freeze(): void;
  close(): Promise<void>;
}

async function freezableProxy(target: string): Promise<FreezableProxy> {
  const upstream = new URL(target);
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const remote = connect(Number(upstream.port), upstream.hostname);
    for (const s of [client, remote]) {
      open.add(s);
      s.on('error', () => undefined);
      s.on('close', () => open.delete(s));
    }
    client.pipe(remote);
    remote.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}${upstream.pathname}`,
    freeze() {
      for (const s of open) {
        s.unpipe();
        s.pause();
      }
    },
    close: () => {
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let dir: string;
let store: Store;
let proxy: FreezableProxy;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-frozen-'));
  store = await openStore(dir);
  proxy = await freezableProxy(sharedBrowserEndpoint()!);
});
afterAll(async () => {
  await proxy.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

it('an episode whose browser stops responding at its time limit ends as a browser failure, and the next episode gets a new browser', { timeout: 90_000 }, async () => {
  const task = { id: 'frozen/1', source: 'sandbox' as const, sites: [], intent: 'Scroll.', startUrl: 'data:text/html,<p style="height:3000px">tall</p>', config: {}, split: null, family: null };
  await store.tasks.upsert(task);
  const pool = new BrowserPool({ wsEndpoint: proxy.url });
  const sessions = { newSession: async (options: Parameters<BrowserPool['newSession']>[0]) => {
    const session = await pool.newSession(options);
    session.closeTimeoutMs = 1_000; // the close an abort sends goes unanswered; 15 s outside tests
    return session;
  } } as unknown as BrowserPool;
  const timeLimit = new AbortController();
  // The policy answers; then the browser freezes and the time limit strikes while the action waits on it.
  const policy: Policy = {
    name: 'freezer',
    async decide() {
      proxy.freeze();
      setTimeout(() => timeLimit.abort('time_limit'), 100);
      return { reply: '```scroll [down]```' };
    },
  };
  try {
    const episode = await runEpisode(
      { store, pool: sessions, evaluate: async () => ({ profile: 'test', success: true, score: 1, checks: [] }) },
      { task, policy, environment: { resolveUrl: (s) => s, cookies: [], dispose: async () => undefined }, signal: timeLimit.signal, unresponsiveAfterMs: 2_000 },
    );
    expect(episode).toMatchObject({ status: 'error', stopReason: 'browser_error', success: null });
    expect(episode.outcome).toMatch(/^Not scored\. The episode reached its time limit(;| and) /);
    expect(episode.outcome).toMatch(/respond/);
    expect(pool.endpointStatus()[0].lastError).toBe('The browser at local stopped responding.');

    // The pool let go of the frozen connection: the next session opens on a new one and works.
    const next = await pool.newSession();
    try {
      await next.page.goto('data:text/html,<p>again</p>');
      expect(await next.page.textContent('p')).toBe('again');
    } finally {
      await next.close();
    }
  } finally {
    await pool.close();
  }
});
