import { useEffect, useState, type RefObject } from 'react';

/** Whether the element is on screen or within `margin` px below it: panels below the fold load their texts
 * only when a person scrolls to them (issue 22: bytes per open). */
export function useNearViewport(ref: RefObject<HTMLElement | null>, margin = 200): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setNear(entry.isIntersecting), { rootMargin: `0px 0px ${margin}px 0px` });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, margin]);
  return near;
}
