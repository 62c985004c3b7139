import type { ElementBox } from '../api/types';
import { captureJpeg, FRAME_QUALITY } from './cdp-capture';
import type { Observation, ObservedNode, TabInfo } from './observation-types';
import { markClickListeners } from './observe-listeners';
import { extractPage, type RawExtraction } from './page-script';
import { snapshotWebRlDom, type WebRlSnapshot } from './webrl-dom-script';
import type { BrowserSession } from './session';
import { renderAxTree } from './render-ax-tree';
import { takeThumbnail, THUMBNAIL } from './scaled-frames';
import { thumbnailFromFrame } from './frame-thumbnail';

// tsx/esbuild may wrap functions with a `__name` helper that does not exist inside the page; define it.
// WebRL's DOM snapshot rides in the same call, after the extraction has given every listed element its id. The
// result comes back as one JSON string: Playwright's own serialisation of a deep tree took 10–35 ms more per step on
// the sandbox shop's pages, a string ~1–7 ms (busy 2-core box), and each value of it is parsed and validated again
// on the Node side (a profile of 24 oracle episodes: Playwright's protocol validator was the harness's largest
// single cost, issue 22). The page's JSON.stringify is only trusted when it is the browser's own and no built-in
// prototype has a toJSON (Prototype.js 1.6 adds them): otherwise the result travels as a plain value.
const EXTRACT_SOURCE = `(() => { const __name = (f) => f; const extract = (${extractPage.toString()}); const webrl = (${snapshotWebRlDom.toString()});
  const nativeJson = () => /\\[native code\\]/.test(Function.prototype.toString.call(JSON.stringify))
    && ![Object, Array, String, Number, Boolean].some((C) => 'toJSON' in C.prototype);
  return (firstId) => { const raw = extract(firstId); raw.webrl = webrl();
    if (!nativeJson()) return raw;
    return JSON.stringify(raw); }; })()`;

/** A JPEG of the active tab's viewport, as observations take it: through CDP (cdp-capture.ts), or through
 * Playwright where the page has no fixed viewport or the browser no CDP. */
export async function takeScreenshot(session: BrowserSession): Promise<Buffer> {
  const page = session.page;
  const viewport = page.viewportSize();
  // A failed CDP capture (its session detached) retries through Playwright, which reports a page that is gone.
  const fast = viewport ? await captureJpeg(session, { quality: FRAME_QUALITY, viewport }).catch(() => null) : null;
  return fast ?? page.screenshot({ type: 'jpeg', quality: FRAME_QUALITY });
}

/** Observes the active tab: one batched extraction (tree, ids, boxes) and one JPEG screenshot (skipped when
 * `screenshot` is false: the step's capture setting does not keep it and the policy does not read it).
 * The screenshot is taken while the extraction runs: the frame is drawn, read back and encoded by Chromium's
 * GPU and browser processes while the page's main thread walks the DOM, so the step waits for the longer of
 * the two, not their sum (issue 22: +10–15% episodes/min one at a time, 24 oracle shop episodes). The page
 * has settled before observe is called, and the extraction changes nothing drawn (it writes only data-mira-id
 * attributes), so the frame shows the page the text describes. */
export async function observe(session: BrowserSession, options: { screenshot?: boolean } = {}): Promise<Observation> {
  const page = session.page;
  const started = performance.now();
  const firstId = session.nextIds.get(page) ?? 1;
  const shot = options.screenshot === false ? null : timed(takeScreenshot(session));
  shot?.catch(() => undefined); // an extraction that fails first reports its own error; the capture's is not lost below
  await markClickListeners(page); // which elements listen for clicks (docs/design/WEBARENA.md §3.1)
  const result = (await page.evaluate(`${EXTRACT_SOURCE}(${firstId})`)) as string | RawExtraction & { webrl: WebRlSnapshot };
  const raw = typeof result === 'string' ? (JSON.parse(result) as RawExtraction & { webrl: WebRlSnapshot }) : result;
  session.nextIds.set(page, raw.nextId);
  const extractMs = performance.now() - started;

  const captured = shot ? await shot : null;
  const screenshot = captured?.value ?? null;
  const thumbnailStarted = performance.now();
  // The filmstrip's thumbnail comes out of the frame itself where it is wide enough (frame-thumbnail.ts: a few ms
  // here); a second, rescaled capture would have Chromium render the page at another scale and back (issue 22).
  const thumbnail = screenshot ? thumbnailFromFrame(screenshot, THUMBNAIL) ?? await takeThumbnail(session, raw.viewport) : null;
  const screenshotMs = captured ? captured.ms + (performance.now() - thumbnailStarted) : 0;

  const nodes: ObservedNode[] = raw.nodes.map((n) => ({
    ...n,
    id: String(n.id),
    targetId: String(n.targetId),
  }));
  const tabs: TabInfo[] = await Promise.all(
    session.pages.map(async (p, index) => ({
      index,
      // The active tab's title came with the extraction: no second round trip into its page.
      title: index === session.active ? raw.title : await p.title().catch(() => ''),
      url: p.url(),
      active: index === session.active,
    })),
  );
  const observation: Observation = {
    url: page.url(),
    title: raw.title,
    tabs,
    nodes,
    text: renderAxTree(raw.title, nodes, tabs),
    screenshot,
    thumbnail,
    viewport: raw.viewport,
    boxes: visibleBoxes(nodes, raw.viewport),
    webrl: raw.webrl,
    timings: { extractMs, screenshotMs },
  };
  session.lastObservation = observation;
  return observation;
}

function visibleBoxes(nodes: ObservedNode[], viewport: { width: number; height: number }): ElementBox[] {
  const boxes: ElementBox[] = [];
  for (const node of nodes) {
    const b = node.box;
    if (!node.interactive || !b) continue;
    if (b.x + b.width <= 0 || b.y + b.height <= 0 || b.x >= viewport.width || b.y >= viewport.height) continue;
    boxes.push({ id: node.id, ...b });
  }
  return boxes;
}

/** The work's result and how long it took from now. */
async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work;
  return { value, ms: performance.now() - start };
}
