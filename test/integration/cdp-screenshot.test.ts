import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureJpeg, FRAME_QUALITY } from '../../main/browser/cdp-capture';
import { observe, takeScreenshot } from '../../main/browser/observe';
import { BrowserPool } from '../../main/browser/pool';
import { sharedBrowserEndpoint } from '../helpers/shared-browser';
import { serveFolder } from '../helpers/static-server';

// Observation frames through CDP (issue 22; main/browser/cdp-capture.ts): a JPEG of the viewport at the size the
// episode's viewport has (MiniWoB++'s task-sized one included), a scaled one when asked, and no capture at all
// when the step neither stores nor reads a frame. Real Chromium.

// The real capture, counted: observe() must not call it when no frame is wanted.
vi.mock('../../main/browser/cdp-capture', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/browser/cdp-capture')>();
  return { ...real, captureJpeg: vi.fn(real.captureJpeg) };
});

let server: Awaited<ReturnType<typeof serveFolder>>;
let pool: BrowserPool;

beforeAll(async () => {
  server = await serveFolder(join(import.meta.dirname, '../fixtures/pages'));
  pool = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint() });
});
afterAll(async () => {
  await pool?.close();
  await server?.close();
});

describe('CDP screenshots', () => {
  it('decodes as a JPEG of the viewport size, for the default and a task-sized viewport', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 332, height: 214 }]) {
      const session = await pool.newSession({ viewport });
      try {
        await session.page.goto(`${server.url}/form.html`);
        const image = jpeg.decode(await takeScreenshot(session));
        expect({ width: image.width, height: image.height }).toEqual(viewport);
        // The page is drawn, not blank: the fixture has dark text on a light page.
        const lumas = new Set<number>();
        for (let i = 0; i < image.data.length; i += 4 * 97) lumas.add(image.data[i] >> 5);
        expect(lumas.size).toBeGreaterThan(1);
      } finally {
        await session.close();
      }
    }
  });

  it('scales a capture down to the width asked for', async () => {
    const session = await pool.newSession();
    try {
      await session.page.goto(`${server.url}/form.html`);
      const small = await captureJpeg(session, { quality: FRAME_QUALITY, viewport: { width: 1280, height: 720 }, width: 640 });
      const image = jpeg.decode(small!);
      expect({ width: image.width, height: image.height }).toEqual({ width: 640, height: 360 });
    } finally {
      await session.close();
    }
  });

  it("takes no screenshot (and no thumbnail) when the step's capture does not need one", async () => {
    const session = await pool.newSession();
    try {
      await session.page.goto(`${server.url}/form.html`);
      const page = session.page;
      const capture = vi.mocked(captureJpeg);
      capture.mockClear();
      // Playwright's own route is counted too: neither may be taken.
      const playwrightShot = vi.spyOn(page, 'screenshot');
      const without = await observe(session, { screenshot: false });
      expect(without.screenshot).toBeNull();
      expect(without.thumbnail).toBeNull();
      expect(without.text).toContain("RootWebArea 'Fixture form'");
      expect(capture).not.toHaveBeenCalled();
      expect(playwrightShot).not.toHaveBeenCalled();
      // The same page with a frame wanted: the frame and its thumbnail, both through CDP.
      const withShot = await observe(session);
      expect(jpeg.decode(withShot.screenshot!).width).toBe(1280);
      expect(jpeg.decode(withShot.thumbnail!).width).toBe(160);
      expect(capture).toHaveBeenCalledTimes(2);
      expect(playwrightShot).not.toHaveBeenCalled();
    } finally {
      await session.close();
    }
  });
});
