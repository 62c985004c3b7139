import { jpegDcImage, type DcImage } from './jpeg-dc-image';
import { encodeJpeg } from './jpeg-encode';

// A filmstrip thumbnail made from the observation's own frame (issue 22): the frame's 1/8-scale DC image
// (jpeg-dc-image.ts), area-averaged down to the thumbnail's width where the frame is wider than 8 × that, and
// encoded at the thumbnail's quality (jpeg-encode.ts). A 1280 px frame's DC image is the 160 px thumbnail itself. Frames narrower
// than 8 × the width (MiniWoB's small viewports) get null: the caller captures the thumbnail in Chromium.

/** A JPEG `preset.width` pixels wide of the frame, in its aspect ratio; null when the frame cannot give one. */
export function thumbnailFromFrame(frame: Uint8Array, preset: { width: number; quality: number }): Buffer | null {
  const dc = jpegDcImage(frame);
  if (!dc || dc.width < preset.width) return null;
  const height = Math.max(1, Math.round((dc.fullHeight * preset.width) / dc.fullWidth));
  const image = dc.width === preset.width ? cropRows(dc, height) : areaAverage(dc, preset.width, height);
  return encodeJpeg(image, preset.quality);
}

type Rgba = { width: number; height: number; data: Uint8Array };

/** The DC image rounds its height up to whole blocks; the thumbnail keeps the frame's aspect ratio. */
function cropRows(dc: DcImage, height: number): Rgba {
  const rows = Math.min(height, dc.height);
  return { width: dc.width, height: rows, data: dc.data.subarray(0, dc.width * rows * 4) };
}

/** Each output pixel is the mean of the source pixels its area covers (whole pixels; the sizes here are small). */
export function areaAverage(src: Rgba, width: number, height: number): Rgba {
  const data = new Uint8Array(width * height * 4);
  const sx = src.width / width;
  const sy = src.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(src.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(src.width, Math.floor((x + 1) * sx)));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const i = (yy * src.width + xx) * 4;
          r += src.data[i];
          g += src.data[i + 1];
          b += src.data[i + 2];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 4;
      data[o] = Math.round(r / n);
      data[o + 1] = Math.round(g / n);
      data[o + 2] = Math.round(b / n);
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}
