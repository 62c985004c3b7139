import { decode, encode } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import type { ObservedNode } from '../../../main/browser/observation-types';
import { drawSetOfMarks, renderSetOfMarksText } from '../../../main/browser/set-of-marks';

// docs/design/WEBARENA.md §3: a set-of-marks screenshot draws each interactive box with its id, from the
// screenshot the step already took.
function whiteJpeg(width: number, height: number): Buffer {
  return Buffer.from(encode({ width, height, data: new Uint8Array(width * height * 4).fill(255) }, 90).data);
}

function pixelAt(jpegData: Buffer, x: number, y: number): [number, number, number] {
  const img = decode(jpegData, { useTArray: true, formatAsRGBA: true });
  const p = (y * img.width + x) * 4;
  return [img.data[p], img.data[p + 1], img.data[p + 2]];
}

const near = (actual: number[], expected: number[], tolerance = 40) =>
  actual.every((v, i) => Math.abs(v - expected[i]) <= tolerance);

const FIRST_COLOR = [230, 25, 75];
const SECOND_COLOR = [0, 130, 200];
const WHITE = [255, 255, 255];

describe('drawSetOfMarks', () => {
  const viewport = { width: 200, height: 100 };
  const boxes = [
    { id: '1', x: 20, y: 40, width: 60, height: 40 },
    { id: '88', x: 120, y: 0, width: 60, height: 50 },
  ];
  const marked = drawSetOfMarks(whiteJpeg(200, 100), boxes, viewport, { line: 4, dot: 3, quality: 95 });

  it('returns a JPEG of the same size', () => {
    expect(marked.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const img = decode(marked);
    expect([img.width, img.height]).toEqual([200, 100]);
  });

  it('outlines each box in its own colour and leaves the inside alone', () => {
    expect(near(pixelAt(marked, 50, 78), FIRST_COLOR)).toBe(true); // bottom edge of box 1
    expect(near(pixelAt(marked, 21, 60), FIRST_COLOR)).toBe(true); // left edge of box 1
    expect(near(pixelAt(marked, 50, 60), WHITE)).toBe(true); // inside box 1
    expect(near(pixelAt(marked, 178, 30), SECOND_COLOR)).toBe(true); // right edge of box 2
    expect(near(pixelAt(marked, 100, 60), WHITE)).toBe(true); // between the boxes
  });

  it('draws the id on a label above the box, or inside it when the box touches the top', () => {
    // Label of box 1: 1 glyph → 5*3 + 2*3 = 21 px wide, 7*3 + 6 = 27 px high, ending at y = 39.
    expect(near(pixelAt(marked, 21, 14), FIRST_COLOR)).toBe(true); // label padding
    // The "1" glyph's stem is column 2 of 5: x = 20 + 3 + 2*3 .. +2, rows 1..6 (y from 13 + 3 + 3).
    expect(near(pixelAt(marked, 30, 22), WHITE)).toBe(true);
    expect(near(pixelAt(marked, 24, 22), FIRST_COLOR)).toBe(true); // beside the stem: background
    // Box 2 touches the top: its label starts at y = 0 inside the box.
    expect(near(pixelAt(marked, 121, 1), SECOND_COLOR)).toBe(true);
    expect(near(pixelAt(marked, 150, 40), WHITE)).toBe(true); // below the label, inside box 2
  });

  it('scales boxes from viewport CSS pixels to a larger screenshot (device scale factor 2)', () => {
    const big = drawSetOfMarks(whiteJpeg(400, 200), [boxes[0]], viewport, { line: 2, quality: 95 });
    expect(near(pixelAt(big, 100, 158), FIRST_COLOR)).toBe(true); // bottom edge at 2× (y 156–159)
    expect(near(pixelAt(big, 100, 120), WHITE)).toBe(true);
  });

  it('clips boxes that run off the image', () => {
    const clipped = drawSetOfMarks(whiteJpeg(200, 100), [{ id: '5', x: -30, y: 90, width: 500, height: 80 }], viewport);
    expect(decode(clipped).width).toBe(200);
  });
});

describe('renderSetOfMarksText', () => {
  it('lists the marked elements in mark order with role, name and state', () => {
    const nodes: ObservedNode[] = [
      { id: '1', role: 'button', name: "Sam's cart", depth: 0, props: { disabled: 'true' }, box: null, targetId: '1', interactive: true },
      { id: '88', role: 'link', name: 'Home', depth: 0, props: {}, box: null, targetId: '88', interactive: true },
    ];
    expect(renderSetOfMarksText(nodes, [{ id: '88', x: 0, y: 0, width: 1, height: 1 }, { id: '1', x: 0, y: 0, width: 1, height: 1 }]))
      .toBe("[88] link 'Home'\n[1] button 'Sam\\'s cart' disabled: true");
  });
});
