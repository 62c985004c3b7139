import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { observe } from '../../main/browser/observe';
import { takeLowFrame } from '../../main/browser/scaled-frames';
import type { BrowserSession } from '../../main/browser/session';
import { useFixturePages } from '../helpers/fixture-pages';

// A frame shows the viewport as it is, scrolled or not. The CDP capture used to clip at (0, 0), which is the
// document's top: once a page had scrolled, its frames showed the top of the document, blank where Chromium had
// not painted it, and the acted element's box landed on something else (the audit of 2026-12-05). Real Chromium.
const pages = useFixturePages();

/** A page red for its first 1,000 px and green below, scrolled into the green. */
async function scrolledIntoGreen(session: BrowserSession): Promise<void> {
  await session.page.setContent(
    '<body style="margin:0"><div style="height:1000px;background:#f00"></div><div style="height:3000px;background:#0f0"></div></body>',
  );
  await session.page.evaluate(() => window.scrollTo(0, 1500));
}

/** The mean colour of a decoded JPEG. */
function meanColour(image: Buffer): { r: number; g: number; b: number; width: number; height: number } {
  const { width, height, data } = jpeg.decode(image);
  let r = 0, g = 0, b = 0;
  for (let i = 0; i < data.length; i += 4) (r += data[i]), (g += data[i + 1]), (b += data[i + 2]);
  const n = data.length / 4;
  return { r: r / n, g: g / n, b: b / n, width, height };
}

describe('frames of a scrolled page', () => {
  it('show the viewport the page is scrolled to, at full size and scaled', async () => {
    await pages.onPage('form.html', async (session) => {
      await scrolledIntoGreen(session);
      const frame = meanColour((await observe(session)).screenshot!);
      expect(frame).toMatchObject({ width: 1280, height: 720 });
      expect(frame.g).toBeGreaterThan(240);
      expect(frame.r).toBeLessThan(15);
      expect(frame.b).toBeLessThan(15);

      const low = meanColour((await takeLowFrame(session))!);
      expect(low).toMatchObject({ width: 640, height: 360 });
      expect(low.g).toBeGreaterThan(240);
      expect(low.r).toBeLessThan(15);
    });
  });

  it('show a narrow viewport scrolled, in its scaled thumbnail too', async () => {
    await pages.onPage('form.html', async (session) => {
      await scrolledIntoGreen(session);
      const observation = await observe(session);
      expect(meanColour(observation.screenshot!).g).toBeGreaterThan(240);
      const thumbnail = meanColour(observation.thumbnail!);
      expect(thumbnail).toMatchObject({ width: 160, height: 210 });
      expect(thumbnail.g).toBeGreaterThan(240);
      expect(thumbnail.r).toBeLessThan(15);
    }, { viewport: { width: 320, height: 420 } });
  });
});
