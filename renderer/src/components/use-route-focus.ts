import { useEffect, useRef, type RefObject } from 'react';
import type { Route } from '../stores/route';

const APP_NAME = 'MiRA Workbench';
/** How long a new page may take to show its heading (an episode or a run loads first). */
const HEADING_WAIT_MS = 10_000;

/** Which page a route shows: a new key is a new page. Moving within a page (the replay's step, the prompt or
 * the task picked in a side list) is not, so stepping with ←/→ or picking from a list keeps the focus. */
export function pageKey(route: Route): string {
  switch (route.view) {
    case 'replay': return `replay:${route.episodeId}`;
    case 'run': return `run:${route.runId}`;
    case 'compare': case 'compare-runs': case 'compare-jobs': return `${route.view}:${route.left}:${route.right}`;
    default: return route.view;
  }
}

/** The page's heading: the first h1 in `main`. */
const headingIn = (main: HTMLElement | null) => main?.querySelector<HTMLElement>('h1') ?? null;

/** Puts the focus on a page's heading, so the next Tab starts in the page and a screen reader reads its name. */
export function focusHeading(main: HTMLElement | null): boolean {
  const heading = headingIn(main);
  if (!heading) return false;
  heading.tabIndex = -1;
  heading.focus();
  return true;
}

/**
 * After a page change, the new page's heading takes the focus once it shows (WAI-ARIA APG: focus after a
 * client-side navigation), and the window title names the page (WCAG 2.4.2). Without this a link or button
 * that opened the page is removed with the old page and the focus falls back to the document: a screen
 * reader says nothing and the next Tab starts over at the top bar. The focus moves only while nothing else
 * has taken it meanwhile (the person started typing or tabbing in the new page).
 */
export function useRouteFocus(route: Route, main: RefObject<HTMLElement | null>): void {
  const key = pageKey(route);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const root = main.current;
    if (!root) return;
    // The first page of a load keeps the browser's own start (top of the document); so does a repeated run
    // of this effect for the same page (React's development double call).
    const moved = shown.current !== null && shown.current !== key;
    shown.current = key;
    const before = document.activeElement;
    const settle = (): boolean => {
      const heading = headingIn(root);
      if (!heading) return false;
      document.title = `${heading.textContent?.trim() || APP_NAME} — ${APP_NAME}`;
      const untouched = document.activeElement === before || document.activeElement === document.body || document.activeElement === null;
      if (moved && untouched) focusHeading(root);
      return true;
    };
    if (settle()) return;
    // The page is still loading: wait for its heading, a while at most.
    const watch = new MutationObserver(() => {
      if (settle()) watch.disconnect();
    });
    watch.observe(root, { childList: true, subtree: true });
    const timer = window.setTimeout(() => watch.disconnect(), HEADING_WAIT_MS);
    return () => {
      watch.disconnect();
      window.clearTimeout(timer);
    };
  }, [key, main]);
}
