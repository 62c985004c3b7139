import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureJpeg, FRAME_QUALITY } from '../../main/browser/cdp-capture';
import { markClickListeners } from '../../main/browser/observe-listeners';
import { extractPage } from '../../main/browser/page-script';
import { takeThumbnail, THUMBNAIL } from '../../main/browser/scaled-frames';
import { thumbnailFromFrame } from '../../main/browser/frame-thumbnail';
import { createCore } from '../../main/core';
import { withChildCpu } from './chromium-cpu';
import { row } from './stats';

/** Where a step's Chromium time goes (issue 22): each part of an observation, repeated on the same sandbox pages,
 * with its wall time and the Chromium CPU it cost (process tree), and Playwright's screenshot for comparison. */
export async function benchObserveParts(pages = 10, repeats = 5): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mira-bench-parts-'));
  const core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 1 } });
  try {
    // The pages oracle episodes visit, as the harness bench replays them.
    const taskIds = core.catalog!.all().filter((i) => i.site === 'shop').slice(0, 4).map((i) => i.id);
    const episodes = await (await core.run({ taskIds, policy: 'oracle' })).done;
    const steps = (await Promise.all(episodes.map((e) => core.store.steps.list(e.id)))).flat();
    const urls = [...new Set(steps.map((s) => s.url))].slice(0, pages);
    const session = await core.pool.newSession({ cookies: [core.sandbox!.createEpisodeState().cookie] });
    const viewport = { width: 1280, height: 720 };
    const source = `(() => { const __name = (f) => f; return (${extractPage.toString()}); })()(1)`;
    let frame: Buffer | null = null;
    const parts: Record<string, () => Promise<unknown>> = {
      'listeners (CDP getEventListeners)': () => markClickListeners(session.page),
      'extraction (page.evaluate)': () => session.page.evaluate(source),
      'frame: CDP jpeg q60 optimizeForSpeed': async () => (frame = await captureJpeg(session, { quality: FRAME_QUALITY, viewport })),
      'frame: page.screenshot jpeg q60': () => session.page.screenshot({ type: 'jpeg', quality: 60 }),
      'thumbnail: CDP 160 px': () => takeThumbnail(session, viewport),
      // What observations do now: the thumbnail read out of the frame above, in this process.
      'thumbnail: from the frame (frame-thumbnail.ts)': async () => thumbnailFromFrame(frame!, THUMBNAIL),
    };
    console.log(`\nObservation parts on ${urls.length} shop pages × ${repeats} (browser: ${core.pool.location.source})`);
    const wall: Record<string, number[]> = {};
    const cpu: Record<string, number> = {};
    const self: Record<string, number> = {};
    for (const url of urls) {
      await session.page.goto(url);
      for (const [name, part] of Object.entries(parts)) {
        for (let i = 0; i < repeats; i++) {
          const started = performance.now();
          const { cpuSeconds, selfCpuSeconds } = await withChildCpu(part);
          (wall[name] ??= []).push(performance.now() - started);
          cpu[name] = (cpu[name] ?? 0) + (cpuSeconds ?? Number.NaN);
          self[name] = (self[name] ?? 0) + selfCpuSeconds;
        }
      }
    }
    for (const name of Object.keys(parts)) {
      const per = (seconds: number) => (seconds * 1000 / wall[name].length).toFixed(1);
      console.log(`${row(name, wall[name])}   Chromium CPU ${per(cpu[name])} ms, harness CPU ${per(self[name])} ms`);
    }
    await session.close();
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}
