// `npm run bench -- ui`: the replay as a person uses it, timed inside the page (scripts/bench/page-timing.ts):
//   open  — mousedown on the episode's row in the episodes table → its first frame decoded / painted;
//           cold = a fresh browser context (no cached blobs), warm = back to the list and open it again;
//   frame — → key press → the next frame decoded / painted; cold = the first pass through the episode,
//           warm = a second pass (frames seen before, neighbours prefetched);
//   bytes — what one cold open loads: screenshot/thumbnail blobs (Resource Timing, encodedBodySize, once the
//           filmstrip in view has loaded) and the API's WebSocket messages (frames received);
// and the episodes table's first paint with 10,000 episodes (scripts/bench/lists.ts).
// No policy runs 100 steps on the sandbox (the oracle finishes in ~15, the random baseline stops at 12), so
// the episode is stitched from real recorded oracle steps (distinct screenshots, observations, boxes,
// progress vectors) with a critic value/potential per step so every lane of the replay is drawn. It is
// served exactly as `npm start` does. BENCH_UI_OPENS (default 30) cold and warm opens, BENCH_UI_PASSES
// (default 1) cold and warm passes of (steps − 1) key presses each; BENCH_DEBUG=1 prints each stage.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright';
import { findBrowser } from '../../main/browser/find-browser';
import { launchArgs } from '../../main/browser/pool';
import { RENDERER_DIR } from '../../main/cli/serve-command';
import { createCore, type Core } from '../../main/core';
import { startCoreHost } from '../../main/host/core-host';
import { benchListFirstPaint } from './lists';
import { PAGE_TIMING_SCRIPT, type FrameTiming } from './page-timing';
import { quantile, row } from './stats';

export async function benchUi(steps = 100): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.log('  skipped: build the renderer first (npm run build)');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'mira-bench-ui-'));
  const core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 1 } });
  try {
    const recordStarted = performance.now();
    const episode = await stitchedEpisode(core, steps);
    const count = (await core.store.steps.list(episode.id)).length;
    console.log(`\nReplay UI: one ${count}-step episode (stitched from oracle steps recorded in ${((performance.now() - recordStarted) / 1000).toFixed(1)} s), opened from the episodes table`);
    const host = await startCoreHost(core);
    const browser = await chromium.launch({ executablePath: findBrowser().executablePath ?? undefined, args: launchArgs() });
    try {
      await timeReplay(browser, host.loginUrl, episode.id, count);
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
  await benchListFirstPaint(Number(process.env.BENCH_LIST_EPISODES ?? 10_000));
}

const debug = (what: string) => void (process.env.BENCH_DEBUG && process.stderr.write(`  [${new Date().toISOString().slice(11, 19)}] ${what}\n`));

async function timeReplay(browser: Browser, loginUrl: string, episodeId: string, count: number): Promise<void> {
  const opens = { cold: [] as FrameTiming[], warm: [] as FrameTiming[] };
  const frames = { cold: [] as FrameTiming[], warm: [] as FrameTiming[] };
  const blobKb: number[] = [];
  const apiKb: number[] = [];
  const apiWireKb: number[] = [];
  /** Bytes received per API method over all cold opens (responses matched to requests by id). */
  const byMethod = new Map<string, number>();
  let deflated = false;
  const blobCounts: number[] = [];
  const openCount = Number(process.env.BENCH_UI_OPENS ?? 30);
  const passes = Number(process.env.BENCH_UI_PASSES ?? 1);
  for (let round = 0; round < openCount; round++) {
    if (round % 10 === 0) process.stdout.write(`  (open ${round + 1} of ${openCount}…)\n`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(PAGE_TIMING_SCRIPT);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000); // a step that never comes fails the bench instead of hanging it
    let wsBytes = 0;
    let wsWireBytes = 0;
    let counting = false;
    // Playwright reports messages inflated; what crossed the wire is seen from the handshake (did the server
    // agree to permessage-deflate?) and each message deflated on its own as the server does it (no context
    // takeover, messages under its 1 KB threshold sent as they are).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
      const headers = Object.entries(e.response.headers as Record<string, string>);
      deflated = headers.some(([name, value]) => name.toLowerCase() === 'sec-websocket-extensions' && value.includes('permessage-deflate'));
    });
    const methodOf = new Map<unknown, string>();
    const idOf = (payload: string | Buffer): unknown => {
      try {
        return (JSON.parse(payload.toString()) as { id?: unknown }).id;
      } catch {
        return undefined;
      }
    };
    page.on('websocket', (ws) => {
      ws.on('framesent', (f) => {
        try {
          const sent = JSON.parse(f.payload.toString()) as { id?: unknown; method?: string };
          if (sent.method) methodOf.set(sent.id, sent.method);
        } catch { /* not a request */ }
      });
      ws.on('framereceived', (f) => {
        if (!counting) return;
        const bytes = typeof f.payload === 'string' ? Buffer.from(f.payload) : f.payload;
        wsBytes += bytes.length;
        wsWireBytes += deflated && bytes.length >= 1024 ? deflateRawSync(bytes).length : bytes.length;
        const method = methodOf.get(idOf(f.payload)) ?? '(events)';
        byMethod.set(method, (byMethod.get(method) ?? 0) + bytes.length);
      });
    });
    debug('page made');
    await page.goto(`${loginUrl}#/`);
    const rowOf = page.locator(`[data-testid="episode-row"]:has(a[href="#/episode/${episodeId}/step/0"])`);
    await rowOf.waitFor({ timeout: 120_000 });
    counting = true;
    debug('list shown, opening');
    await rowOf.click();
    opens.cold.push(await nextResult(page, 'open'));
    // Once the frame and the filmstrip's thumbnails in view have loaded (lazy ones out of view never load),
    // and a moment for prefetches to start and end.
    await page.waitForFunction(() => {
      const strip = document.querySelector('.filmstrip')?.getBoundingClientRect();
      const inView = (i: HTMLImageElement) => !!strip && i.getBoundingClientRect().right > strip.left && i.getBoundingClientRect().left < strip.right;
      return [...document.querySelectorAll<HTMLImageElement>('.filmstrip img')].every((i) => i.complete || !inView(i));
    }, null, { timeout: 30_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    counting = false;
    const blobs = await page.evaluate(() => {
      const start = performance.getEntriesByName('open-episode')[0]?.startTime ?? 0;
      const loaded = performance.getEntriesByType('resource').filter((r) => r.name.includes('/blobs/') && r.startTime >= start) as PerformanceResourceTiming[];
      return { bytes: loaded.reduce((sum, r) => sum + r.encodedBodySize, 0), count: loaded.length };
    });
    blobKb.push(blobs.bytes / 1024);
    blobCounts.push(blobs.count);
    apiKb.push(wsBytes / 1024);
    apiWireKb.push(wsWireBytes / 1024);
    debug(`opened (round ${round})`);
    if (round < passes) {
      for (let t = 1; t < count; t++) (debug(`→ ${t}`), frames.cold.push(await press(page, 'ArrowRight')));
      await page.keyboard.press('Home');
      await page.getByTestId('step-counter').filter({ hasText: `Step 1 / ${count}` }).waitFor();
      for (let t = 1; t < count; t++) frames.warm.push(await press(page, 'ArrowRight'));
    }
    // Warm open: back to the list as a person does, and open the same episode again.
    await page.getByRole('button', { name: '← Episodes' }).click();
    debug('back on the list');
    await rowOf.click();
    opens.warm.push(await nextResult(page, 'open'));
    debug('warm open');
    await context.close();
    debug('context closed');
  }
  const report = (label: string, timings: FrameTiming[]) => {
    console.log(row(`${label}: in the DOM`, timings.map((t) => t.inDom)) + `   p95 ${quantile(timings.map((t) => t.inDom), 0.95).toFixed(1)} ms`);
    console.log(row(`${label}: decoded`, timings.map((t) => t.decoded)) + `   p95 ${quantile(timings.map((t) => t.decoded), 0.95).toFixed(1)} ms`);
    console.log(row(`${label}: painted (rAF)`, timings.map((t) => t.painted)) + `   p95 ${quantile(timings.map((t) => t.painted), 0.95).toFixed(1)} ms`);
    const counted = timings.filter((t) => t.frames !== undefined);
    if (counted.length) console.log(`  ${label}: in the first frame after the input ${((100 * counted.filter((t) => t.frames <= 1).length) / counted.length).toFixed(0)}%, second ${((100 * counted.filter((t) => t.frames === 2).length) / counted.length).toFixed(0)}%, later ${((100 * counted.filter((t) => t.frames > 2).length) / counted.length).toFixed(0)}%`);
  };
  report('open from the list, cold', opens.cold);
  report('open from the list, warm', opens.warm);
  report('→ next frame, cold', frames.cold);
  report('→ next frame, warm', frames.warm);
  console.log(row('blobs loaded per cold open', blobKb, 'KB') + `   (${quantile(blobCounts, 0.5)} files)`);
  console.log(row('API messages received per cold open', apiKb, 'KB'));
  console.log(row(`API bytes on the wire per cold open (${deflated ? 'permessage-deflate' : 'not compressed'})`, apiWireKb, 'KB'));
  console.log(`  API messages per cold open by method (inflated, mean): ${[...byMethod].sort((a, b) => b[1] - a[1]).map(([m, b]) => `${m} ${(b / 1024 / openCount).toFixed(1)} KB`).join(', ')}`);
}

/** Presses a key and waits for the page to record the frame it brings. */
async function press(page: Page, key: string): Promise<FrameTiming> {
  await page.keyboard.press(key);
  return nextResult(page, 'key');
}

async function nextResult(page: Page, kind: FrameTiming['kind']): Promise<FrameTiming> {
  const handle = await page.waitForFunction((k) => {
    const results = (window as unknown as { __uiBench: { results: FrameTiming[] } }).__uiBench.results;
    const index = results.findIndex((r) => r.kind === k);
    return index >= 0 ? results.splice(index, 1)[0] : null;
  }, kind, { timeout: 30_000, polling: 'raf' });
  return (await handle.jsonValue()) as FrameTiming;
}

/** Records oracle episodes on the longest sandbox tasks until there are `steps` steps, then stores them
 * renumbered as one finished episode of the first task. */
async function stitchedEpisode(core: Core, steps: number): Promise<{ id: string }> {
  const longest = [...core.catalog!.all()].sort((a, b) => b.oracle.length - a.oracle.length);
  const taskIds: string[] = [];
  for (let total = 0, i = 0; total < steps + 10 && i < longest.length; i++) (taskIds.push(longest[i].id), (total += longest[i].oracle.length + 1));
  const { done } = await core.run({ taskIds, policy: 'oracle', scheduler: { concurrency: 2 } });
  const episodes = await done;
  const recorded = (await Promise.all(episodes.map((e) => core.store.steps.list(e.id)))).flat().slice(0, steps);
  const id = randomUUID();
  await core.store.episodes.create({ id, runId: null, taskId: episodes[0].taskId, policy: 'oracle (stitched)', seed: 0, createdAt: new Date().toISOString() });
  for (const [t, step] of recorded.entries()) {
    const value = 0.5 + 0.4 * Math.sin(t / 9);
    await core.store.steps.insert({ ...step, episodeId: id, t, value, potential: t / recorded.length });
  }
  await core.store.episodes.finish(id, { status: 'finished', success: null, score: null, answer: null, stopReason: 'max_steps', outcome: 'Stitched for the UI benchmark.', evaluation: null });
  return { id };
}
