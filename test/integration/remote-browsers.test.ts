// Remote browsers (issue 23 "Must show"): on loopback, two Playwright browser servers plus the local browser
// (the test run's shared Chromium stands in for it, test/helpers/use-core.ts). A run of 12 sandbox oracle
// episodes spreads over all three; one server is killed while it holds episodes. Its episodes end as
// infrastructure failures (recorded) and run again elsewhere: every (task, seed) finishes exactly once, all
// succeed, none is lost, and the API reports the dead endpoint as such.
import { chromium, type BrowserServer } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../main/api/contract';
import type { EpisodeRecord } from '../../main/api/types';
import { findBrowser } from '../../main/browser/find-browser';
import { launchArgs } from '../../main/browser/pool';
import { useCore } from '../helpers/use-core';

const servers: BrowserServer[] = [];
beforeAll(async () => {
  const location = findBrowser();
  if (!location.executablePath) throw new Error(location.problem ?? 'No browser found.');
  for (let i = 0; i < 2; i++) servers.push(await chromium.launchServer({ executablePath: location.executablePath, headless: true, args: launchArgs() }));
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
});

// Two contexts per endpoint and six episodes at once: every endpoint is busy from the start.
const PER_ENDPOINT = 2;
const core = useCore(() => ({
  sandbox: { instancesPerFamily: 3 },
  browserEndpoints: [`local#max=${PER_ENDPOINT}`, ...servers.map((s) => `${s.wsEndpoint()}#max=${PER_ENDPOINT}`)],
}));

describe('browser endpoints', () => {
  it('reports each endpoint through the API before use: kind, limit, nothing open, secrets-free URL', async () => {
    const status = await core.api.browserEndpoints();
    expect(status.map((s) => [s.kind, s.limit, s.activeContexts, s.failures])).toEqual([['local', 2, 0, 0], ['ws', 2, 0, 0], ['ws', 2, 0, 0]]);
    expect(status[1].endpoint).toBe(servers[0].wsEndpoint());
  });

  it('spreads 12 oracle episodes over local + 2 remote browsers, re-routes those of a killed server, and finishes each exactly once', { timeout: 600_000 }, async () => {
    // Twelve tasks with short oracle plans, from several families.
    const tasks = core.catalog!.all().slice().sort((a, b) => a.oracle.length - b.oracle.length || a.id.localeCompare(b.id)).slice(0, 12);
    expect(tasks).toHaveLength(12);
    const victim = servers[1];
    const victimLabel = victim.wsEndpoint();
    let killedWhileHolding = -1;
    let finished = 0;
    const unsubscribe = core.events.subscribe((event) => {
      if (event.event === 'progress' && !(event.payload as RunProgress).retrying) finished++;
    });
    // Kill the second server mid-run, right after it opened a context for an episode (so that episode is cut
    // for sure, whatever its length), once some episodes are done.
    const pool = core.pool;
    const newSession = pool.newSession.bind(pool);
    pool.newSession = async (options) => {
      const session = await newSession(options);
      if (session.endpoint === victimLabel && killedWhileHolding < 0 && finished >= 2) {
        killedWhileHolding = pool.endpointStatus().find((s) => s.endpoint === victimLabel)!.activeContexts;
        await victim.kill();
      }
      return session;
    };
    let episodes: EpisodeRecord[];
    let attempts: EpisodeRecord[];
    try {
      const { runId, done } = await core.run({ taskIds: tasks.map((t) => t.id), policy: 'oracle', capture: 'none', scheduler: { concurrency: 6, infraRetries: 3 } });
      episodes = await done;
      attempts = await core.store.episodes.list({ runId });
    } finally {
      unsubscribe();
      pool.newSession = newSession;
    }
    expect(killedWhileHolding, 'the server was killed while it held episodes').toBeGreaterThanOrEqual(1);

    // Every job finished once, successfully; no (task, seed) twice.
    expect(episodes).toHaveLength(12);
    expect(episodes.filter((e) => !e.success).map((e) => `${e.taskId}: ${e.outcome}`)).toEqual([]);
    const keys = episodes.map((e) => `${e.taskId}#${e.seed}`);
    expect(new Set(keys).size).toBe(12);
    expect(new Set(episodes.map((e) => e.taskId))).toEqual(new Set(tasks.map((t) => t.id)));

    // The cut episodes stay recorded as infrastructure failures, each one's job finished later elsewhere.
    const successes = attempts.filter((e) => e.status === 'finished' && e.success);
    expect(successes.map((e) => `${e.taskId}#${e.seed}`).sort()).toEqual([...keys].sort());
    const cut = attempts.filter((e) => e.status === 'error');
    expect(cut.length).toBeGreaterThanOrEqual(1);
    for (const e of cut) {
      expect(['browser_error', 'evaluation_interrupted']).toContain(e.stopReason);
      expect(keys).toContain(`${e.taskId}#${e.seed}`);
    }
    expect(attempts).toHaveLength(12 + cut.length);

    // Each endpoint ran episodes; every context opened was one of the run's episode attempts; none leaked.
    const status = await core.api.browserEndpoints();
    for (const s of status) expect(s.contextsOpened, `${s.kind} ${s.endpoint}`).toBeGreaterThanOrEqual(1);
    expect(status.reduce((sum, s) => sum + s.contextsOpened, 0)).toBe(attempts.length);
    expect(status.map((s) => s.activeContexts)).toEqual([0, 0, 0]);
    // The dead server is reported as such; the others are healthy.
    const dead = status.find((s) => s.endpoint === victimLabel)!;
    expect(dead).toMatchObject({ kind: 'ws', connected: false });
    expect(dead.failures).toBeGreaterThanOrEqual(1);
    expect(dead.lastError).toBeTruthy();
    expect(status.filter((s) => s !== dead).map((s) => [s.connected, s.failures])).toEqual([[true, 0], [true, 0]]);
  });
});
