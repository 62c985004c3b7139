// Tiny SVG-as-text helpers for the study plots (study-plots.ts). The plots are text so that the Training page and
// the exported HTML report show the same markup, and the report needs nothing but itself (issue 17).

/** Escapes text and attribute values (the only untrusted strings are variant and family names). */
export function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** An element with attributes (undefined ones left out) and inner markup. */
export function el(name: string, attrs: Record<string, string | number | undefined>, inner = ''): string {
  const a = Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${esc(v as string | number)}"`).join('');
  return inner === '' && name !== 'text' && name !== 'title' ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`;
}

/** Fixed, colour-blind-safe series colours (Okabe–Ito), assigned in order. */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];

export const round = (v: number) => Math.round(v * 100) / 100;

export interface Frame {
  width: number;
  height: number;
  pad: { left: number; right: number; top: number; bottom: number };
}

/** Linear scale from [d0, d1] onto [r0, r1] (a zero-width domain maps to the middle). */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => round(d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0));
}

/** Axes with a few y ticks and a caption under the x axis. */
export function axes(f: Frame, yTicks: Array<{ value: number; label: string }>, y: (v: number) => number, xCaption: string): string {
  const x0 = f.pad.left;
  const x1 = f.width - f.pad.right;
  const yBottom = f.height - f.pad.bottom;
  return [
    el('line', { x1: x0, y1: yBottom, x2: x1, y2: yBottom, stroke: '#9aa5b1' }),
    el('line', { x1: x0, y1: yBottom, x2: x0, y2: f.pad.top, stroke: '#9aa5b1' }),
    ...yTicks.map((t) => el('line', { x1: x0, y1: y(t.value), x2: x1, y2: y(t.value), stroke: '#e4e7eb' }) +
      el('text', { x: x0 - 4, y: y(t.value) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#52606d' }, esc(t.label))),
    // Centred on the whole figure, not the axis: a narrow axis (few bars) would push a long caption off the left edge.
    el('text', { x: f.width / 2, y: f.height - 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#52606d' }, esc(xCaption)),
  ].join('');
}

export function svg(f: Frame, label: string, testId: string, inner: string): string {
  return el('svg', { width: f.width, height: f.height, viewBox: `0 0 ${f.width} ${f.height}`, role: 'img', 'aria-label': label, 'data-testid': testId, 'font-family': 'sans-serif' }, inner);
}

/** A legend row of coloured squares, top right. */
export function legend(f: Frame, items: Array<{ label: string; color: string }>): string {
  return items.map((it, i) => {
    const y = f.pad.top + 4 + i * 15;
    const x = f.width - f.pad.right + 8;
    return el('rect', { x, y, width: 10, height: 10, fill: it.color }) + el('text', { x: x + 14, y: y + 9, 'font-size': 11, fill: '#323f4b' }, esc(it.label));
  }).join('');
}

/** A sentence in place of an empty plot, wrapped to the frame's width (about 6.5 px a character at 12 px). */
export function note(f: Frame, text: string, testId?: string): string {
  const width = Math.max(20, Math.floor((f.width - 20) / 6.5));
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  const spans = lines.map((line, i) => el('tspan', { x: 10, dy: i === 0 ? 0 : 15 }, esc(line))).join('');
  return el('text', { x: 10, y: 20, 'font-size': 12, fill: '#52606d', 'data-testid': testId }, spans);
}
