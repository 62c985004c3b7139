// The 'low' screenshot setting (screenshot-capture.ts): one small, low-quality JPEG per step, for episodes
// recorded in bulk (the trainer's rollouts, issue 21) that must stay replayable without slowing the trainer.
// Chromium scales the viewport down itself (browser/cdp-capture.ts), so this process decodes nothing.
import { captureJpeg } from '../browser/cdp-capture';
import type { BrowserSession } from '../browser/session';

/** 640 px wide at quality 40: the page's layout and text blocks stay legible in replay at ~13 KB a frame (a
 * full frame is ~50 KB). */
export const LOW_FRAME = { width: 640, quality: 40 } as const;

/** A low frame of the active tab's viewport, or null where it cannot be taken (no fixed viewport, no CDP, a page
 * going away): the step then simply has no frame, like 'none'; nothing else of the step is lost. Its cost is
 * Chromium's frame, not its size (≈ 40 ms at any width on the shared box), so the episode loop takes it while
 * it observes the page. */
export async function takeLowFrame(session: BrowserSession): Promise<Buffer | null> {
  const viewport = session.page.viewportSize();
  if (!viewport) return null;
  return captureJpeg(session, { quality: LOW_FRAME.quality, viewport, width: LOW_FRAME.width }).catch(() => null);
}
