import { captureJpeg } from './cdp-capture';
import type { BrowserSession } from './session';

// The replay filmstrip's thumbnails (issue 22 "Replay"): ~160 px wide JPEGs taken at record time, so opening
// an episode loads a few KB per frame instead of its full screenshots. Chromium renders the viewport scaled
// down through CDP (cdp-capture.ts): a few ms of its time and no decode of the full JPEG in this process.

export const THUMBNAIL_WIDTH = 160;
const THUMBNAIL_QUALITY = 70;

/** A small JPEG of the active tab's viewport, or null where the browser offers no CDP (the full screenshot
 * then stands in for it in the filmstrip). */
export async function takeThumbnail(session: BrowserSession, viewport: { width: number; height: number }): Promise<Buffer | null> {
  return captureJpeg(session, { quality: THUMBNAIL_QUALITY, viewport, width: THUMBNAIL_WIDTH }).catch(() => null);
}
