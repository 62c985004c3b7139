// An episode cut off while its policy waits (an LLM endpoint that hangs) says so in its outcome, instead of
// reading like an agent that wandered until its time ran out.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runEpisode } from '../../main/agent/episode-loop';
import type { Policy } from '../../main/agent/policy';
import { BrowserPool } from '../../main/browser/pool';
import { openStore, type Store } from '../../main/store';
import { sharedBrowserEndpoint } from '../helpers/shared-browser';

let dir: string;
let store: Store;
let pool: BrowserPool;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-abort-'));
  store = await openStore(dir);
  pool = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint() });
});
afterAll(async () => {
  await pool.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const task = { id: 'wait/1', source: 'sandbox' as const, sites: [], intent: 'Wait.', startUrl: 'data:text/html,<p>page</p>', config: {}, split: null, family: null };
const environment = { resolveUrl: (s: string) => s, cookies: [], dispose: async () => undefined };
const evaluate = async () => ({ profile: 'test', success: false, score: 0, checks: [] });

/** A policy whose reply never comes; the abort (time limit or cancel) arrives while it waits. */
const hangingPolicy = (controller: AbortController, reason: string): Policy => ({
  name: 'hanging',
  decide: () => new Promise((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error('cancelled')));
    controller.abort(reason);
  }),
});

it("the time limit that cuts off the policy's reply is recorded as such, saying what the episode waited for", { timeout: 60_000 }, async () => {
  await store.tasks.upsert(task);
  const timeLimit = new AbortController();
  const episode = await runEpisode({ store, pool, evaluate }, { task, policy: hangingPolicy(timeLimit, 'time_limit'), environment, signal: timeLimit.signal });
  expect(episode).toMatchObject({ status: 'finished', stopReason: 'time_limit', success: null, stepCount: 0 });
  expect(episode.outcome).toMatch(/^Not scored\. The episode ran past its time limit\. It was waiting \d+\.\d s for the policy's reply at step 0\.$/);

  const cancel = new AbortController();
  const cut = await runEpisode({ store, pool, evaluate }, { task, policy: hangingPolicy(cancel, 'cancelled'), environment, signal: cancel.signal });
  expect(cut).toMatchObject({ status: 'interrupted', stopReason: 'cancelled' });
  expect(cut.outcome).toMatch(/^Not scored\. The episode was cancelled\. It was waiting \d+\.\d s for the policy's reply at step 0\.$/);
});
