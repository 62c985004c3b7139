import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core';
import { captureJpeg } from '../../main/browser/cdp-capture';
import { extractPage } from '../../main/browser/page-script';
import { withChildCpu } from './chromium-cpu';
import { row } from './stats';

/** Per-step harness time (observe + act + store, from the stored step timings of oracle episodes) next to
 * the raw Playwright calls the harness makes, replayed on the same sandbox pages. */
export async function benchHarness(instancesPerFamily = 2): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mira-bench-'));
  const core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily } });
  try {
    const taskIds = core.catalog!.all().filter((i) => i.site === 'shop').map((i) => i.id);
    const wallStarted = performance.now();
    const { result: episodes, cpuSeconds } = await withChildCpu(async () => (await core.run({ taskIds, policy: 'oracle' })).done);
    const wallMs = performance.now() - wallStarted;
    const steps = (await Promise.all(episodes.map((e) => core.store.steps.list(e.id)))).flat();
    const ok = episodes.filter((e) => e.success).length;

    console.log(`\nHarness: ${episodes.length} oracle episodes on the shop site (${ok} succeeded), ${steps.length} steps, ${(wallMs / 1000).toFixed(1)} s wall (browser: ${core.pool.location.source})`);
    console.log(row('observe (extract + screenshot + tabs)', steps.map((s) => s.timings.observeMs)));
    console.log(row('act (execute + wait for navigation)', steps.map((s) => s.timings.actMs)));
    console.log(row('store (blobs; the row insert is not timed)', steps.map((s) => s.timings.storeMs)));
    console.log(row('harness step total (observe+policy+act+store)', steps.map((s) => s.latencyMs)));
    console.log(row('wall time per step incl. episode setup', [wallMs / steps.length]));
    console.log(row('episodes/min (concurrency 1)', [episodes.length / (wallMs / 60_000)], '/min'));
    if (cpuSeconds !== null) console.log(row('Chromium CPU per step (process tree)', [cpuSeconds * 1000 / steps.length]));

    // The raw Playwright calls behind a step, on the same URLs, without our bookkeeping.
    const urls = [...new Set(steps.map((s) => s.url))].slice(0, 25);
    const session = await core.pool.newSession({ cookies: [core.sandbox!.createEpisodeState().cookie] });
    const raw = { goto: [] as number[], evaluate: [] as number[], aria: [] as number[], screenshot: [] as number[], cdpShot: [] as number[], click: [] as number[] };
    const source = `(() => { const __name = (f) => f; return (${extractPage.toString()}); })()(1)`;
    for (const url of urls) {
      const page = session.page;
      raw.goto.push(await time(() => page.goto(url)));
      raw.evaluate.push(await time(() => page.evaluate(source)));
      raw.aria.push(await time(() => page.locator('body').ariaSnapshot()));
      raw.screenshot.push(await time(() => page.screenshot({ type: 'jpeg', quality: 60 })));
      raw.cdpShot.push(await time(() => captureJpeg(session, { quality: 60, viewport: page.viewportSize()! })));
      const link = page.locator('a[href]').first();
      raw.click.push(await time(async () => {
        await link.click();
        await page.waitForLoadState('load');
      }));
    }
    await session.close();
    console.log(`Raw Playwright calls on ${urls.length} of the same pages:`);
    console.log(row('page.goto', raw.goto));
    console.log(row('page.evaluate(one batched extraction)', raw.evaluate));
    console.log(row('locator.ariaSnapshot() (for comparison)', raw.aria));
    console.log(row('page.screenshot(jpeg q60)', raw.screenshot));
    console.log(row('CDP Page.captureScreenshot(q60, optimizeForSpeed)', raw.cdpShot));
    console.log(row('locator.click + waitForLoadState', raw.click));
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
