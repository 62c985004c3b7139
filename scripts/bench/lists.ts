// `npm run bench -- lists`: the episodes list at scale (issue 22 "Lists at scale"). A data directory with
// BENCH_LIST_EPISODES episodes (default 10,000) of 12 steps each is written straight into SQLite, then timed:
//   api page    — one call of the API the episodes table makes for its first page (in process, no transport);
//   first paint — navigation to the built renderer's episodes view until the first row is painted
//                 (a fresh browser context each sample, so every sample is cold; BENCH_LIST_PAINTS samples).
// Trees without listEpisodePage (before issue 22) are timed on the call their table made: listEpisodes({ limit: 500 }).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { findBrowser } from '../../main/browser/find-browser';
import { launchArgs } from '../../main/browser/pool';
import { RENDERER_DIR } from '../../main/cli/serve-command';
import { createCore, type Core } from '../../main/core';
import { startCoreHost } from '../../main/host/core-host';
import { seedManyEpisodes } from './many-episodes';
import { row } from './stats';

export async function benchLists(episodes = 10_000): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mira-bench-lists-'));
  const core = await createCore({ dataDir: dir, sandbox: false });
  try {
    const seeded = performance.now();
    await seedManyEpisodes(core, episodes);
    console.log(`\nEpisodes list: ${episodes} episodes × 12 steps (written in ${((performance.now() - seeded) / 1000).toFixed(1)} s)`);
    const api = core.api as Core['api'] & { listEpisodePage?: (q: object) => Promise<{ rows: unknown[]; total: number }> };
    const paged = typeof api.listEpisodePage === 'function';
    const firstPage = async () => (paged ? (await api.listEpisodePage!({})).rows.length : (await api.listEpisodes({ limit: 500 })).length);
    const apiTimes: number[] = [];
    let rows = 0;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      rows = await firstPage();
      apiTimes.push(performance.now() - started);
    }
    console.log(row(`api: ${paged ? 'listEpisodePage({})' : 'listEpisodes({ limit: 500 })'} → ${rows} rows`, apiTimes));
    if (paged) {
      // The last page, as scrolling to the bottom asks for it (no chart or options past the first page).
      const deep: number[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        await api.listEpisodePage!({ offset: episodes - 200, limit: 200 });
        deep.push(performance.now() - started);
      }
      console.log(row(`api: listEpisodePage({ offset: ${episodes - 200} })`, deep));
    }
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      console.log('  first paint skipped: build the renderer first (npm run build)');
      return;
    }
    await timeFirstPaint(core);
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The episodes table's first paint with `episodes` episodes in a fresh data directory (also run by the ui bench). */
export async function benchListFirstPaint(episodes: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mira-bench-lists-'));
  const core = await createCore({ dataDir: dir, sandbox: false });
  try {
    await seedManyEpisodes(core, episodes);
    console.log(`\nEpisodes table: ${episodes} episodes × 12 steps`);
    await timeFirstPaint(core);
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// In the page, from navigation start (performance.now() is relative to it): when the first row is in the DOM
// (MutationObserver) and the requestAnimationFrame after it (the frame that paints it); also when the
// app's script arrived and the first contentful paint, to see where the time goes.
const FIRST_ROW_SCRIPT = `
(() => {
  const seen = {};
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="episode-row"]')) return;
    observer.disconnect();
    seen.inDom = performance.now();
    requestAnimationFrame(() => { seen.painted = performance.now(); });
  });
  observer.observe(document, { subtree: true, childList: true });
  window.__firstRow = seen;
})();
`;

async function timeFirstPaint(core: Core): Promise<void> {
  const host = await startCoreHost(core);
  const browser = await chromium.launch({
    executablePath: findBrowser().executablePath ?? undefined,
    args: launchArgs(),
  });
  try {
    const paints: number[] = [];
    const inDom: number[] = [];
    const script: number[] = [];
    const fcp: number[] = [];
    let domRows = 0;
    // One warm-up load first: the host's first page and bundle reads are not what a person waits for twice.
    for (let i = -1; i < Number(process.env.BENCH_LIST_PAINTS ?? 10); i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(FIRST_ROW_SCRIPT);
      const page = await context.newPage();
      await page.goto(`${host.loginUrl}#/`);
      await page.waitForFunction(() => (window as unknown as { __firstRow: { painted?: number } }).__firstRow.painted !== undefined, null, { timeout: 120_000 });
      const seen = await page.evaluate(() => ({
        ...(window as unknown as { __firstRow: { inDom: number; painted: number } }).__firstRow,
        script: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => /assets\/index-.*\.js$/.test(r.name))?.responseEnd ?? NaN,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      }));
      domRows = await page.locator('[data-testid="episode-row"]').count();
      await context.close();
      if (i < 0) continue;
      paints.push(seen.painted);
      inDom.push(seen.inDom);
      // A load whose first paint the browser did not report leaves these out rather than poison the median.
      if (Number.isFinite(seen.script)) script.push(seen.script);
      if (Number.isFinite(seen.fcp)) fcp.push(seen.fcp);
    }
    console.log(row('  app script loaded (from navigation)', script));
    console.log(row('  first contentful paint', fcp));
    console.log(row('  first row in the DOM', inDom));
    console.log(row(`ui: navigation → table's first row painted (${domRows} rows in the DOM)`, paints));
  } finally {
    await browser.close();
    await host.close();
  }
}
