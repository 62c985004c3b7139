import jpeg from 'jpeg-js';
import { describe, expect, it, vi } from 'vitest';
import { captureJpeg, FRAME_QUALITY } from '../../main/browser/cdp-capture';
import { observe, takeScreenshot } from '../../main/browser/observe';
import { useFixturePages } from '../helpers/fixture-pages';

// Observation frames through CDP (issue 22; main/browser/cdp-capture.ts): a JPEG of the viewport at the size the
// episode's viewport has (MiniWoB++'s task-sized one included), a scaled one when asked, and no capture at all
// when the step neither stores nor reads a frame. Real Chromium.

// The real capture, counted: observe() must not call it when no frame is wanted.
vi.mock('../../main/browser/cdp-capture', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/browser/cdp-capture')>();
  return { ...real, captureJpeg: vi.fn(real.captureJpeg) };
});

const pages = useFixturePages();

describe('CDP screenshots', () => {
  it('decodes as a JPEG of the viewport size, for the default and a task-sized viewport', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 332, height: 214 }]) {
      const image = jpeg.decode(await pages.onPage('form.html', takeScreenshot, { viewport }));
      expect({ width: image.width, height: image.height }).toEqual(viewport);
      // The page is drawn, not blank: the fixture has dark text on a light page.
      const lumas = new Set<number>();
      for (let i = 0; i < image.data.length; i += 4 * 97) lumas.add(image.data[i] >> 5);
      expect(lumas.size).toBeGreaterThan(1);
    }
  });

  it('scales a capture down to the width asked for', async () => {
    const small = await pages.onPage('form.html', (session) => captureJpeg(session, { quality: FRAME_QUALITY, viewport: { width: 1280, height: 720 }, width: 640 }));
    const image = jpeg.decode(small!);
    expect({ width: image.width, height: image.height }).toEqual({ width: 640, height: 360 });
  });

  it("takes no screenshot (and no thumbnail) when the step's capture does not need one", async () => {
    await pages.onPage('form.html', async (session) => {
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
      // The same page with a frame wanted: one capture through CDP; the thumbnail is read out of that frame
      // (browser/frame-thumbnail.ts), not captured a second time.
      const withShot = await observe(session);
      expect(jpeg.decode(withShot.screenshot!).width).toBe(1280);
      expect(jpeg.decode(withShot.thumbnail!).width).toBe(160);
      expect(capture).toHaveBeenCalledTimes(1);
      expect(playwrightShot).not.toHaveBeenCalled();
    });
  });
});
