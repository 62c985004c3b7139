import { describe, expect, it } from 'vitest';
import { pathsTo, type CdpNode } from '../../../main/browser/observe-listeners';

// The tree CDP's DOM.getDocument returns, turned into paths the page can follow (docs/design/WEBARENA.md §3.1):
// element-only child indices, -1 into an open shadow root.
const el = (backendNodeId: number, children: CdpNode[] = [], shadowRoots?: CdpNode[]): CdpNode => ({ backendNodeId, nodeType: 1, children, shadowRoots });
const text = (backendNodeId: number): CdpNode => ({ backendNodeId, nodeType: 3 });

describe('pathsTo', () => {
  // document(1) > html(2) > body(3) > [text(4), div(5) > [text(6), span(7)], host(8) ⟶ shadow(9) > button(10)]
  const shadow: CdpNode = { backendNodeId: 9, nodeType: 11, children: [el(10)] };
  const root: CdpNode = { backendNodeId: 1, nodeType: 9, children: [el(2, [el(3, [text(4), el(5, [text(6), el(7)]), el(8, [], [shadow])])])] };
  it('counts element children only, so text nodes CDP may leave out never shift an index', () => {
    const paths = pathsTo(root, new Set([3, 7, 8]));
    expect(paths.get(3)).toEqual([0, 0]); // html, body
    expect(paths.get(7)).toEqual([0, 0, 0, 0]); // html, body, div, span (the text before it does not count)
    expect(paths.get(8)).toEqual([0, 0, 1]);
  });
  it('enters shadow roots with -1 and leaves out nodes it was not asked for', () => {
    const paths = pathsTo(root, new Set([10, 42]));
    expect(paths.get(10)).toEqual([0, 0, 1, -1, 0]);
    expect(paths.has(42)).toBe(false);
  });
});
