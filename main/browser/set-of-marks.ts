import { decode as decodeJpeg, encode as encodeJpeg } from 'jpeg-js';
import type { ElementBox } from '../api/types';
import type { ObservedNode } from './observation-types';

// Set-of-marks (docs/design/WEBARENA.md §3): the step's screenshot with each interactive element's box
// outlined and its id drawn on a label, so a vision model can name elements by the ids it sees.
//
// Drawn in pure JS on the JPEG the observation already took (decode → draw → encode with jpeg-js), chosen
// over overlaying labelled divs and taking a second screenshot because: the marks are drawn on exactly the
// pixels the boxes were measured with (no second moment for animations or lazy content to move things), the
// page is never touched (no DOM mutation for page scripts to react to), and it needs no browser, only a
// screenshot and its boxes. Only policies asking for 'som' pay for it. Measured on a
// 1280×720 sandbox shop page (23–40 marks) on this project's 2-core machine: median 100–150 ms (decode
// ~50 ms, encode ~50–75 ms, drawing < 1 ms), against 60–100 ms for one page.evaluate overlay plus a second
// screenshot: about 1.5× the cost, negligible next to an LLM policy's seconds per step.

const PALETTE: readonly [number, number, number][] = [
  [230, 25, 75], [0, 130, 200], [60, 160, 60], [245, 130, 48], [145, 30, 180],
  [0, 128, 128], [170, 110, 40], [128, 0, 0], [0, 0, 128], [200, 0, 150],
];

// 5×7 bitmaps for the characters ids use (digits), one 5-bit row each, most significant bit on the left.
const GLYPHS: Record<string, readonly number[]> = {
  '0': [0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e],
  '1': [0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e],
  '2': [0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f],
  '3': [0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e],
  '4': [0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02],
  '5': [0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e],
  '6': [0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e],
  '7': [0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
  '8': [0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e],
  '9': [0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c],
};
const GLYPH_W = 5;
const GLYPH_H = 7;

export interface SetOfMarksOptions {
  /** JPEG quality of the marked image (60, as the plain screenshot: the digits stay legible). */
  quality?: number;
  /** Pixel size of one font dot, in CSS pixels (scaled with the screenshot). */
  dot?: number;
  /** Outline width in CSS pixels. */
  line?: number;
}

interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Draws every box with its id onto a JPEG screenshot of a viewport and returns a new JPEG. Boxes are in
 * viewport CSS pixels; the screenshot may be larger (device scale factor), so everything is scaled. */
export function drawSetOfMarks(screenshot: Buffer, boxes: readonly ElementBox[], viewport: { width: number; height: number }, options: SetOfMarksOptions = {}): Buffer {
  const decoded = decodeJpeg(screenshot, { useTArray: true, formatAsRGBA: true });
  const image: Raster = { width: decoded.width, height: decoded.height, data: decoded.data };
  const scale = viewport.width > 0 ? image.width / viewport.width : 1;
  const line = Math.max(1, Math.round((options.line ?? 2) * scale));
  const dot = Math.max(1, Math.round((options.dot ?? 2) * scale));
  boxes.forEach((box, i) => {
    const color = PALETTE[i % PALETTE.length];
    const x0 = Math.round(box.x * scale);
    const y0 = Math.round(box.y * scale);
    const x1 = Math.round((box.x + box.width) * scale) - 1;
    const y1 = Math.round((box.y + box.height) * scale) - 1;
    fillRect(image, x0, y0, x1, y0 + line - 1, color);
    fillRect(image, x0, y1 - line + 1, x1, y1, color);
    fillRect(image, x0, y0, x0 + line - 1, y1, color);
    fillRect(image, x1 - line + 1, y0, x1, y1, color);
    drawLabel(image, box.id, x0, y0, dot, color);
  });
  return Buffer.from(encodeJpeg({ width: image.width, height: image.height, data: image.data }, options.quality ?? 60).data);
}

/** The label sits just above the box's top-left corner, or inside it when the box touches the top. */
function drawLabel(image: Raster, text: string, x: number, y: number, dot: number, color: readonly number[]): void {
  const pad = dot;
  const width = text.length * (GLYPH_W + 1) * dot - dot + 2 * pad;
  const height = GLYPH_H * dot + 2 * pad;
  const top = y - height >= 0 ? y - height : y;
  const left = Math.min(Math.max(0, x), Math.max(0, image.width - width));
  fillRect(image, left, top, left + width - 1, top + height - 1, color);
  [...text].forEach((ch, i) => {
    const rows = GLYPHS[ch];
    if (!rows) return;
    const gx = left + pad + i * (GLYPH_W + 1) * dot;
    rows.forEach((bits, row) => {
      for (let col = 0; col < GLYPH_W; col++) {
        if (bits & (1 << (GLYPH_W - 1 - col))) {
          fillRect(image, gx + col * dot, top + pad + row * dot, gx + (col + 1) * dot - 1, top + pad + (row + 1) * dot - 1, [255, 255, 255]);
        }
      }
    });
  });
}

function fillRect(image: Raster, x0: number, y0: number, x1: number, y1: number, color: readonly number[]): void {
  const left = Math.max(0, x0);
  const right = Math.min(image.width - 1, x1);
  const top = Math.max(0, y0);
  const bottom = Math.min(image.height - 1, y1);
  for (let y = top; y <= bottom; y++) {
    let p = (y * image.width + left) * 4;
    for (let x = left; x <= right; x++, p += 4) {
      image.data[p] = color[0];
      image.data[p + 1] = color[1];
      image.data[p + 2] = color[2];
    }
  }
}

/** The text that goes with the marked screenshot: one line per mark, `[id] role 'name'`. */
export function renderSetOfMarksText(nodes: readonly ObservedNode[], boxes: readonly ElementBox[]): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return boxes
    .map((b) => byId.get(b.id))
    .filter((n): n is ObservedNode => n !== undefined)
    .map((n) => `[${n.id}] ${n.role} '${n.name.replace(/'/g, "\\'")}'${Object.entries(n.props).map(([k, v]) => ` ${k}: ${v}`).join('')}`)
    .join('\n');
}
