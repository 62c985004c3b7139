import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { areaAverage, thumbnailFromFrame } from '../../../main/browser/frame-thumbnail';
import { jpegDcImage } from '../../../main/browser/jpeg-dc-image';
import { encodeJpeg } from '../../../main/browser/jpeg-encode';

// Thumbnails from the observation's own frame (issue 22): the JPEG's DC terms are its 8×8 block means, so the
// 1/8-scale picture is read without an inverse DCT; a small encoder writes the thumbnail.

function solid(width: number, height: number, rgb: [number, number, number]) {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([...rgb, 255], i);
  return { width, height, data };
}

/** A picture with detail at every scale: gradients, a checkerboard of 4 px squares and a dark band. */
function pattern(width: number, height: number) {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const checker = ((x >> 2) + (y >> 2)) % 2 ? 40 : 0;
      const band = y > height / 2 && y < height / 2 + 12 ? -120 : 0;
      data.set([Math.min(255, (x * 255) / width + checker), Math.max(0, (y * 255) / height + band), 128 + checker, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

const meanAbsDiff = (a: Uint8Array, b: Uint8Array) => {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) (sum += Math.abs(a[i] - b[i])), n++;
  return sum / n;
};

describe('jpegDcImage', () => {
  it('reads each 8×8 block mean from the DC term alone (hand-worked: RGB 200,100,50 at quality 70)', () => {
    // Y = 0.299·200 + 0.587·100 + 0.114·50 = 124.2; DC = 8·(124.2 − 128) = −30.4; the luma table's first entry at
    // quality 70 is floor((16·60 + 50)/100) = 10, so DC → round(−3.04) = −3 and the mean is −3·10/8 + 128 = 124.25.
    // Cb = 86.1264 → round(8·(−41.8736)/10) = −33 → 86.75; Cr = 182.0656 → round(8·54.0656/10) = 43 → 181.75.
    // R = 124.25 + 1.402·53.75 = 199.6; G = 124.25 + 0.344136·41.25 − 0.714136·53.75 = 100.06; B = 124.25 − 1.772·41.25 = 51.2.
    const image = jpegDcImage(encodeJpeg(solid(32, 16, [200, 100, 50]), 70))!;
    expect([image.width, image.height, image.fullWidth, image.fullHeight]).toEqual([4, 2, 32, 16]);
    for (let i = 0; i < image.data.length; i += 4) expect([...image.data.subarray(i, i + 4)]).toEqual([200, 100, 51, 255]);
  });

  it('is the full decode box-filtered to 1/8, for another encoder too (jpeg-js, and 4:2:0 frames in the integration test)', () => {
    const source = pattern(96, 64);
    const file = jpeg.encode(source, 80).data;
    const full = jpeg.decode(file);
    const expected = areaAverage({ width: full.width, height: full.height, data: full.data }, 12, 8);
    const dc = jpegDcImage(file)!;
    expect([dc.width, dc.height]).toEqual([12, 8]);
    expect(meanAbsDiff(dc.data, expected.data)).toBeLessThan(2);
  });

  it('rounds a size that is not a whole number of blocks up, and reads grayscale files', () => {
    const gray = jpegDcImage(grayJpeg())!;
    expect([gray.width, gray.height, gray.fullWidth, gray.fullHeight]).toEqual([3, 2, 20, 9]);
    for (let i = 0; i < gray.data.length; i += 4) expect([...gray.data.subarray(i, i + 4)]).toEqual([128, 128, 128, 255]);
  });

  it('returns null for what it does not read: not a JPEG, a cut-off header', () => {
    expect(jpegDcImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(jpegDcImage(encodeJpeg(solid(16, 16, [1, 2, 3]), 50).subarray(0, 40))).toBeNull();
  });
});

describe('encodeJpeg', () => {
  it('writes a baseline JPEG another decoder reads back within a few levels', () => {
    const source = pattern(40, 24);
    const back = jpeg.decode(encodeJpeg(source, 90));
    expect([back.width, back.height]).toEqual([40, 24]);
    expect(meanAbsDiff(back.data, source.data)).toBeLessThan(4);
  });
});

describe('thumbnailFromFrame', () => {
  it('gives a 1280 px frame its 160 px DC image, and a wider one the DC image area-averaged to 160 px', () => {
    for (const [width, height] of [[1280, 720], [1920, 1080]]) {
      const frame = jpeg.encode(pattern(width, height), 60).data;
      const thumb = jpeg.decode(thumbnailFromFrame(frame, { width: 160, quality: 70 })!);
      expect([thumb.width, thumb.height]).toEqual([160, 90]);
      const full = jpeg.decode(frame);
      const expected = areaAverage({ width: full.width, height: full.height, data: full.data }, 160, 90);
      expect(meanAbsDiff(thumb.data, expected.data)).toBeLessThan(4);
    }
  });

  it('returns null for a frame narrower than 8 × the thumbnail (the caller captures one in Chromium)', () => {
    expect(thumbnailFromFrame(jpeg.encode(pattern(640, 360), 60).data, { width: 160, quality: 70 })).toBeNull();
  });
});

/** A 20×9 grayscale baseline JPEG written by hand (jpeg-js and our encoder write colour only): 3 × 2 blocks, each
 * with DC difference 0 (so every mean is 128) and an immediate end of block. */
function grayJpeg(): Uint8Array {
  const bytes: number[] = [0xff, 0xd8];
  const segment = (marker: number, body: number[]) => bytes.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body);
  segment(0xdb, [0, ...new Array(64).fill(1)]);
  segment(0xc0, [8, 0, 9, 0, 20, 1, 1, 0x11, 0]);
  // DC table 0: one 1-bit code for category 0; AC table 0: one 1-bit code for end of block (0x00).
  segment(0xc4, [0x00, 1, ...new Array(15).fill(0), 0, 0x10, 1, ...new Array(15).fill(0), 0]);
  segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  bytes.push(0b00000000, 0b00001111, 0xff, 0xd9); // 6 blocks × "0" "0" = 12 zero bits, padded with ones
  return new Uint8Array(bytes);
}
