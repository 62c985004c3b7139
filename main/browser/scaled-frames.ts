import { captureJpeg } from './cdp-capture';
import type { BrowserSession } from './session';

// Frames smaller than the observation's own, rendered scaled down by Chromium through CDP (cdp-capture.ts): a few
// ms of its time and no decode of the full JPEG in this process. Each use has its size and quality:
// - the replay filmstrip's thumbnails (issue 22 "Replay"): ~160 px, taken at record time, so opening an
//   episode loads a few KB per frame instead of its full screenshots;
// - the 'low' screenshot setting (screenshot-capture.ts, issue 21): one 640 px frame per step for episodes
//   recorded in bulk (the trainer's rollouts) that must stay replayable without slowing the trainer; layout and
//   text blocks stay legible at ~13 KB a frame (a full frame is ~50 KB).

export const THUMBNAIL = { width: 160, quality: 70 } as const;
export const LOW_FRAME = { width: 640, quality: 40 } as const;

/** A scaled JPEG of the active tab's viewport, or null where it cannot be taken (no CDP, a page going away):
 * the step then simply goes without it (the filmstrip shows the full screenshot; a 'low' step has no frame). */
export async function takeScaledFrame(
  session: BrowserSession,
  viewport: { width: number; height: number },
  preset: { width: number; quality: number },
): Promise<Buffer | null> {
  return captureJpeg(session, { quality: preset.quality, viewport, width: preset.width }).catch(() => null);
}

/** A filmstrip thumbnail of the viewport. */
export function takeThumbnail(session: BrowserSession, viewport: { width: number; height: number }): Promise<Buffer | null> {
  return takeScaledFrame(session, viewport, THUMBNAIL);
}

/** A 'low' frame of the active tab's viewport; null without a fixed viewport. Its cost is Chromium's frame, not
 * its size (≈ 40 ms at any width on the shared box), so the episode loop takes it while it observes the page. */
export async function takeLowFrame(session: BrowserSession): Promise<Buffer | null> {
  const viewport = session.page.viewportSize();
  return viewport ? takeScaledFrame(session, viewport, LOW_FRAME) : null;
}
