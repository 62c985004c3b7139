import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { areaAverage } from '../../main/browser/frame-thumbnail';
import { observe } from '../../main/browser/observe';
import { THUMBNAIL } from '../../main/browser/scaled-frames';
import { useFixturePages } from '../helpers/fixture-pages';

// An observation's thumbnail is read out of its own frame (issue 22; frame-thumbnail.ts) where the frame is at
// least 8 × the thumbnail wide: Chromium's frames are 4:2:0 JPEGs, which the unit tests' encoders do not write.
// Narrower viewports (MiniWoB++'s task area) still get one, captured scaled by Chromium.
const pages = useFixturePages();

const meanAbsDiff = (a: Uint8Array, b: Uint8Array) => {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) (sum += Math.abs(a[i] - b[i])), n++;
  return sum / n;
};

describe('thumbnails from the frame', () => {
  it('are the 1280 × 720 frame box-filtered to 160 × 90', async () => {
    await pages.onPage('form.html', async (session) => {
      const obs = await observe(session);
      const full = jpeg.decode(obs.screenshot!);
      const thumb = jpeg.decode(obs.thumbnail!);
      expect([thumb.width, thumb.height]).toEqual([THUMBNAIL.width, 90]);
      const expected = areaAverage({ width: full.width, height: full.height, data: full.data }, 160, 90);
      expect(meanAbsDiff(thumb.data, expected.data)).toBeLessThan(4);
    });
  });

  it('are captured by Chromium for a viewport narrower than 8 × the thumbnail', async () => {
    await pages.onPage('form.html', async (session) => {
      const obs = await observe(session);
      const thumb = jpeg.decode(obs.thumbnail!);
      expect([thumb.width, thumb.height]).toEqual([160, 210]);
    }, { viewport: { width: 160, height: 210 } });
  });
});
