import type { CDPSession, Page } from 'playwright';
import type { BrowserSession } from './session';

// The replay filmstrip's thumbnails (issue 22 "Replay"): ~160 px wide JPEGs taken at record time, so opening
// an episode loads a few KB per frame instead of its full screenshots. Chromium renders the viewport scaled
// down through CDP (Page.captureScreenshot with a clip scale): a few ms of its time and no decode of the
// full JPEG in this process.

export const THUMBNAIL_WIDTH = 160;
const THUMBNAIL_QUALITY = 70;

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdpFor(session: BrowserSession): Promise<CDPSession> {
  const page = session.page;
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = session.context.newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

/** A small JPEG of the active tab's viewport, or null where the browser offers no CDP (the full screenshot
 * then stands in for it in the filmstrip). */
export async function takeThumbnail(session: BrowserSession, viewport: { width: number; height: number }): Promise<Buffer | null> {
  if (viewport.width <= 0 || viewport.height <= 0) return null;
  try {
    const cdp = await cdpFor(session);
    const { data } = await cdp.send('Page.captureScreenshot', {
      format: 'jpeg',
      quality: THUMBNAIL_QUALITY,
      clip: { x: 0, y: 0, width: viewport.width, height: viewport.height, scale: Math.min(1, THUMBNAIL_WIDTH / viewport.width) },
      optimizeForSpeed: true,
    });
    return Buffer.from(data, 'base64');
  } catch {
    sessions.delete(session.page);
    return null;
  }
}
