import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../renderer/src/components/windowed-rows';

// The windowed episodes table (issue 22): which rows are in the DOM for a scroll offset, and spacers that
// keep the scroll height equal to every row's.
describe('visibleRange', () => {
  it('renders the rows in view plus the overscan, with spacers for the rest', () => {
    // 10,000 rows of 34 px, a 680 px viewport scrolled to row 1000 (34,000 px): rows 1000..1020 are in view.
    expect(visibleRange(34_000, 680, 10_000, 34, 10)).toEqual({ first: 990, last: 1030, padTop: 990 * 34, padBottom: (10_000 - 1 - 1030) * 34 });
  });

  it('keeps the total height: spacers plus rendered rows equal every row', () => {
    for (const top of [0, 17, 5_000, 339_320]) {
      const w = visibleRange(top, 680, 10_000, 34, 10);
      expect(w.padTop + (w.last - w.first + 1) * 34 + w.padBottom).toBe(10_000 * 34);
    }
  });

  it('reaches the last row when scrolled to the bottom', () => {
    const bottom = 10_000 * 34 - 680;
    const w = visibleRange(bottom, 680, 10_000, 34, 10);
    expect(w.last).toBe(9_999);
    expect(w.padBottom).toBe(0);
    expect(w.first).toBe(Math.floor(bottom / 34) - 10);
  });

  it('clamps at the top and for short tables', () => {
    expect(visibleRange(0, 680, 3, 34, 10)).toEqual({ first: 0, last: 2, padTop: 0, padBottom: 0 });
    expect(visibleRange(0, 680, 0, 34, 10)).toEqual({ first: 0, last: -1, padTop: 0, padBottom: 0 });
    // A stale scroll offset past the end (the table just shrank) still shows the last rows.
    expect(visibleRange(50_000, 680, 3, 34, 10)).toEqual({ first: 2, last: 2, padTop: 68, padBottom: 0 });
  });
});
