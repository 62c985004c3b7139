import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Horizontal windowing for a strip of fixed-width items: which index range [start, end) is on screen (plus
 * `overscan` either side), following the container's scroll and size. */
export function useHorizontalWindow(ref: RefObject<HTMLElement | null>, itemWidth: number, count: number, overscan = 8): [number, number] {
  const [view, setView] = useState({ left: 0, width: 1600 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setView({ left: el.scrollLeft, width: el.clientWidth || 1600 });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [ref]);
  const start = Math.max(0, Math.floor(view.left / itemWidth) - overscan);
  const end = Math.min(count, Math.ceil((view.left + view.width) / itemWidth) + overscan);
  return [start, end];
}

/** Keeps item `index` centred in the strip when it changes (without smooth scrolling, so stepping is instant). */
export function useCentred(ref: RefObject<HTMLElement | null>, itemWidth: number, index: number): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const left = index * itemWidth;
    if (left < el.scrollLeft || left + itemWidth > el.scrollLeft + el.clientWidth) el.scrollLeft = left - el.clientWidth / 2 + itemWidth / 2;
  }, [ref, itemWidth, index]);
}
