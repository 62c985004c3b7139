import { useCallback, useEffect, useRef, useState } from 'react';

// A windowed list for tables of any length (issue 22 "Lists at scale"): only the rows in view (plus a margin)
// are in the DOM; spacers above and below keep the scrollbar the height of every row, so each row can be
// scrolled to. Rows have one fixed height, so the range follows from the scroll offset alone.

export interface RowWindow {
  /** First and last row index to render (inclusive); last < first when there are no rows. */
  first: number;
  last: number;
  /** Heights of the spacers above and below the rendered rows. */
  padTop: number;
  padBottom: number;
}

export function visibleRange(scrollTop: number, viewportHeight: number, total: number, rowHeight: number, overscan: number): RowWindow {
  if (total <= 0) return { first: 0, last: -1, padTop: 0, padBottom: 0 };
  const first = Math.max(0, Math.min(total - 1, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(total - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last, padTop: first * rowHeight, padBottom: (total - 1 - last) * rowHeight };
}

/** The window of `total` rows visible in the scroll container the returned ref is attached to. */
export function useRowWindow(total: number, rowHeight: number, overscan = 10) {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [scroll, setScroll] = useState({ top: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight });
  const measure = useCallback(() => {
    const el = containerRef.current;
    if (el) setScroll((s) => (s.top === el.scrollTop && s.height === el.clientHeight ? s : { top: el.scrollTop, height: el.clientHeight }));
  }, []);
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    measure();
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [measure, total]);
  return { containerRef, ...visibleRange(scroll.top, scroll.height, total, rowHeight, overscan) };
}
