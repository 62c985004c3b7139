// `npm run bench -- ui`: opening a 100-step episode in the built renderer (web mode, real Chromium) and
// stepping through it frame by frame. No policy runs 100 steps on the sandbox (the oracle finishes in ~15,
// the random baseline stops at 12), so the episode is stitched from real recorded oracle steps (distinct
// screenshots, observations, boxes, progress vectors) with a critic value/potential per step so every lane
// of the replay is drawn. It is served exactly as `npm start` does, and timed inside the page:
//   open  — navigation to the replay URL until the first screenshot is decoded and painted;
//   frame — one → key press until the counter shows the next step, its screenshot is decoded and a frame
//           has been painted (requestAnimationFrame), i.e. what a person perceives as the time per frame.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { findBrowser } from '../../main/browser/find-browser';
import { launchArgs } from '../../main/browser/pool';
import { RENDERER_DIR } from '../../main/cli/serve-command';
import { randomUUID } from 'node:crypto';
import { createCore, type Core } from '../../main/core';
import { startCoreHost } from '../../main/host/core-host';
import { row } from './stats';

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
    console.log(`\nReplay UI: one ${count}-step episode (stitched from oracle steps recorded in ${((performance.now() - recordStarted) / 1000).toFixed(1)} s)`);
    const host = await startCoreHost(core);
    const browser = await chromium.launch({
      executablePath: findBrowser().executablePath ?? undefined,
      args: launchArgs(),
    });
    try {
      const opens: number[] = [];
      const openBytes: number[] = [];
      let frames: number[] = [];
      for (let round = 0; round < 3; round++) {
        // A fresh context each round: the first open is cold (no cached blobs), the frame loop too.
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        const started = Date.now();
        await page.goto(`${host.loginUrl}#/episode/${episode.id}/step/0`);
        await page.waitForFunction(() => {
          const img = document.querySelector<HTMLImageElement>('[data-testid="screenshot"]');
          return !!img && img.complete && img.naturalWidth > 0;
        });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
        opens.push(Date.now() - started);
        // Bytes of screenshots an open loads: the frame and the filmstrip's images in view, once they are in.
        await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.filmstrip img')].every((i) => i.complete), null, { timeout: 30_000 }).catch(() => undefined);
        openBytes.push(await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('/blobs/')).reduce((sum, r) => sum + (r as PerformanceResourceTiming).encodedBodySize, 0) / 1024));
        // esbuild (tsx) wraps named functions in __name(); give the page a no-op one.
        const times = await page.evaluate<number[]>(`(() => { const __name = (f) => f; return (${stepThrough.toString()}); })()(${count})`);
        if (round === 0) frames = times;
        else frames.push(...times);
        await context.close();
      }
      console.log(row('open episode → first frame painted', opens));
      console.log(row('screenshot bytes loaded per open (frame + filmstrip)', openBytes, 'KB'));
      console.log(row(`step → next frame painted (${count - 1} steps × 3)`, frames));
      console.log(row('frames per second while stepping', frames.map((ms) => 1000 / ms), 'fps'));
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Records oracle episodes on every sandbox task until there are `steps` steps, then stores them renumbered
 * as one finished episode of the first task. */
async function stitchedEpisode(core: Core, steps: number): Promise<{ id: string }> {
  const { done } = await core.run({ taskIds: core.catalog!.all().map((i) => i.id), policy: 'oracle', scheduler: { concurrency: 2 } });
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

/** Runs in the page: presses → through every step and times each until its frame is on screen. */
async function stepThrough(count: number): Promise<number[]> {
  const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const counter = () => document.querySelector('[data-testid="step-counter"]')?.textContent ?? '';
  const times: number[] = [];
  for (let i = 1; i < count; i++) {
    const expected = `Step ${i + 1} / ${count}`;
    const started = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    while (counter() !== expected) await nextFrame();
    const img = document.querySelector<HTMLImageElement>('[data-testid="screenshot"]');
    if (img) await img.decode().catch(() => undefined);
    await nextFrame();
    times.push(performance.now() - started);
  }
  return times;
}
