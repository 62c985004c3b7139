import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observe } from '../../main/browser/observe';
import type { BrowserSession } from '../../main/browser/session';
import { THUMBNAIL } from '../../main/browser/scaled-frames';
import { openStore, type Store } from '../../main/store';
import type { StepRecord } from '../../main/api/types';
import { useFixturePages } from '../helpers/fixture-pages';

// Replay thumbnails (issue 22 "Replay"): each observation with a screenshot also carries a ~160 px wide JPEG
// of the same viewport, which the step stores for the filmstrip. Real Chromium and SQLite.

const pages = useFixturePages();
let session: BrowserSession;
let dir: string;
let store: Store;

beforeAll(async () => {
  session = await pages.pool.newSession();
  await session.page.goto(`${pages.url}/form.html`);
  dir = await mkdtemp(join(tmpdir(), 'mira-thumbnails-'));
  store = await openStore(dir);
});
afterAll(async () => {
  await store?.close();
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('replay thumbnails', () => {
  it('are a small JPEG of the whole viewport, in its aspect ratio', async () => {
    const obs = await observe(session);
    const full = jpeg.decode(obs.screenshot!);
    const thumb = jpeg.decode(obs.thumbnail!);
    expect([full.width, full.height]).toEqual([1280, 720]);
    expect(thumb.width).toBe(THUMBNAIL.width);
    expect(thumb.height).toBe(90); // 720 × 160 / 1280
    expect(obs.thumbnail!.length).toBeLessThan(obs.screenshot!.length / 10);
  });

  it('are not taken when the observation keeps no screenshot', async () => {
    const obs = await observe(session, { screenshot: false });
    expect(obs.screenshot).toBeNull();
    expect(obs.thumbnail).toBeNull();
  });

  it('are stored with the step and read back; steps without one read back without the field', async () => {
    const obs = await observe(session);
    await store.tasks.upsert({ id: 'form', source: 'sandbox', sites: ['shop'], intent: 'x', startUrl: pages.url, config: {}, split: 'test', family: 'shop/form' });
    await store.episodes.create({ id: 'ep', runId: null, taskId: 'form', policy: 'oracle', seed: 0, createdAt: '2026-01-01T00:00:00Z' });
    const base: StepRecord = {
      episodeId: 'ep', t: 0, url: obs.url, observationRef: null, screenshotRef: await store.blobs.put(obs.screenshot!), promptRef: null,
      responseRef: null, action: null, actionText: 'stop', actionError: null, targetBox: null, progress: null, value: null, potential: null,
      latencyMs: 1, timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
    };
    const thumbnailRef = await store.blobs.put(obs.thumbnail!);
    await store.steps.insert({ ...base, thumbnailRef });
    await store.steps.insert({ ...base, t: 1 });
    const [withThumb, without] = await store.steps.list('ep');
    expect(withThumb.thumbnailRef).toBe(thumbnailRef);
    expect(jpeg.decode(await store.blobs.get(thumbnailRef)).width).toBe(THUMBNAIL.width);
    expect('thumbnailRef' in without).toBe(false);
  });
});
