import { describe, expect, it } from 'vitest';
import type { ObservedNode } from '../../../main/browser/observation-types';
import { renderWebRlHtml } from '../../../main/browser/render-webrl-html';

// docs/design/WEBARENA.md §3: WebRL's simplified HTML numbers visible interactive elements 0, 1, 2… in page
// order and gives each a data-bbox; toNodeId maps those numbers back to our stable ids.
const node = (id: number, role: string, name: string, extra: Partial<ObservedNode> = {}): ObservedNode => ({
  id: String(id), role, name, depth: 1, props: {}, targetId: String(id),
  box: { x: id, y: 2 * id, width: 100, height: 20 }, interactive: false, ...extra,
});

const NODES: ObservedNode[] = [
  node(40, 'heading', 'Shop', { props: { level: '1' } }),
  node(41, 'link', 'Home', { interactive: true }),
  node(42, 'StaticText', 'Prices & <deals>', { box: null }),
  node(57, 'textbox', 'Search "all"', { interactive: true, props: { value: 'red shoes' } }),
  node(58, 'button', 'Zero-size button', { interactive: true, box: null }),
  node(60, 'paragraph', 'Not interactive'),
  node(73, 'checkbox', 'In stock', { interactive: true, props: { checked: 'true' } }),
  node(80, 'button', 'Buy', { interactive: true, props: { disabled: 'true' }, box: { x: 10.4, y: 700, width: 80, height: 30 } }),
];

describe('renderWebRlHtml', () => {
  const view = renderWebRlHtml(NODES);
  const lines = view.html.split('\n');

  it('numbers only visible interactive nodes, sequentially in page order', () => {
    const ids = [...view.html.matchAll(/ id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['0', '1', '2', '3']);
    expect(lines.find((l) => l.includes('Zero-size button'))).not.toMatch(/ id=/);
    expect(lines.find((l) => l.includes('Not interactive'))).toBe(' <p>Not interactive</p>');
    expect(lines.find((l) => l.includes('Shop'))).toBe(' <h1>Shop</h1>');
  });

  it('gives every numbered node a data-bbox of x,y,width,height', () => {
    expect(lines).toContain(' <a id="0" data-bbox="41,82,100,20">Home</a>');
    expect(lines).toContain(' <input id="1" data-bbox="57,114,100,20" value="red shoes" title="Search &quot;all&quot;">');
    expect(lines).toContain(' <input id="2" data-bbox="73,146,100,20" checked title="In stock">');
    expect(lines).toContain(' <button id="3" data-bbox="10.4,700,80,30" disabled>Buy</button>');
    for (const line of lines.filter((l) => / id="/.test(l))) expect(line).toMatch(/data-bbox="[\d.]+,[\d.]+,[\d.]+,[\d.]+"/);
  });

  it('escapes text and keeps it inline', () => {
    expect(lines).toContain(' Prices &amp; &lt;deals&gt;');
    expect(lines[0]).toBe('<html>');
    expect(lines.at(-1)).toBe('</html>');
  });

  it('maps sequential ids to stable node ids and back, and nothing else', () => {
    expect(['0', '1', '2', '3'].map((s) => view.toNodeId(s))).toEqual(['41', '57', '73', '80']);
    expect(view.toSequentialId('57')).toBe('1');
    expect(view.toNodeId('4')).toBeUndefined();
    expect(view.toNodeId('41')).toBeUndefined(); // a stable id is not a sequential one
    expect(view.toSequentialId('58')).toBeUndefined(); // no box: no number
    expect(view.toSequentialId('60')).toBeUndefined(); // not interactive
  });

  it('numbers from 0 again for every observation (ids are per rendering)', () => {
    const later = renderWebRlHtml(NODES.slice(3));
    expect(later.toNodeId('0')).toBe('57');
  });
});
