import type { CDPSession, Page } from 'playwright';
import type { BrowserSession } from './session';

// Screenshots straight through CDP (issue 22 "Cheaper observation"): Page.captureScreenshot with
// optimizeForSpeed asks Chromium for its fastest JPEG encoder and skips Playwright's page.screenshot
// bookkeeping (font wait, caret hiding, a second protocol round trip), which the harness bench measured at
// about half a step's Chromium time. Each use asks for the size and quality it needs: the observation's frame
// at the viewport's size (the policy reads it, set-of-marks draws on it, replay shows it), the filmstrip's
// thumbnail scaled down by Chromium.

/** JPEG quality of an observation's frame: what a VLM policy and the replay read well. */
export const FRAME_QUALITY = 60;

export interface CaptureRequest {
  quality: number;
  /** The viewport's size in CSS pixels. */
  viewport: { width: number; height: number };
  /** The image's width in pixels; the viewport's own width when absent (never scaled up). */
  width?: number;
}

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

/** A JPEG of the active tab's viewport, taken through CDP; null where the browser offers no CDP session for the
 * page (a connection that is not Chromium's), so callers fall back to Playwright's screenshot. */
export async function captureJpeg(session: BrowserSession, request: CaptureRequest): Promise<Buffer | null> {
  const { viewport } = request;
  if (viewport.width <= 0 || viewport.height <= 0) return null;
  const scale = Math.min(1, (request.width ?? viewport.width) / viewport.width);
  // A cached session can be detached by the time it is used (the page navigated across processes): it is
  // dropped and the capture tried once more on a fresh one, so that frame is not lost.
  for (let attempt = 0; ; attempt++) {
    let cdp: CDPSession;
    try {
      cdp = await cdpFor(session);
    } catch {
      sessions.delete(session.page);
      return null;
    }
    try {
      const { data } = await cdp.send('Page.captureScreenshot', {
        format: 'jpeg',
        quality: request.quality,
        optimizeForSpeed: true,
        ...(scale < 1 ? { clip: await visibleClip(cdp, viewport, scale) } : {}),
      });
      return Buffer.from(data, 'base64');
    } catch (err) {
      sessions.delete(session.page);
      if (attempt > 0 || session.page.isClosed()) throw err;
    }
  }
}

/** The clip of a scaled capture: the part of the document in view. A clip is in document coordinates, so one
 * at (0, 0) on a scrolled page showed the document's top, blank where it was not painted (the audit of
 * 2026-12-05); an unscaled capture needs no clip, as Chromium then captures the viewport itself. */
async function visibleClip(cdp: CDPSession, viewport: CaptureRequest['viewport'], scale: number) {
  const { cssVisualViewport } = await cdp.send('Page.getLayoutMetrics');
  return { x: cssVisualViewport.pageX, y: cssVisualViewport.pageY, width: viewport.width, height: viewport.height, scale };
}
