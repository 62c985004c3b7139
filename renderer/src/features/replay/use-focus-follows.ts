import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keyboard focus follows the step shown inside a strip of per-step buttons (the filmstrip, the timeline), whose
 * only Tab stop is the current step's button (roving tabindex, WAI-ARIA APG): while the focus is in the strip,
 * ←/→/Home/End move it with the step. Without this the focused button stayed behind, and in the virtualised
 * filmstrip it was removed once it scrolled out of view, dropping the focus to the document.
 *
 * The current step's button is the button with aria-current="step"; `rendered` changes when the strip renders
 * other buttons (the filmstrip's window), since after a jump the current one may appear a render later.
 */
export function useFocusFollows(strip: RefObject<HTMLElement | null>, current: number, rendered?: unknown): void {
  const shown = useRef(current);
  const pending = useRef(false);
  useEffect(() => {
    const element = strip.current;
    if (!element) return;
    if (shown.current !== current) {
      shown.current = current;
      pending.current = element.contains(document.activeElement);
    }
    if (!pending.current) return;
    // The person may have moved on (Tab, a click elsewhere) before the step's button appeared.
    const focus = document.activeElement;
    if (focus && focus !== document.body && !element.contains(focus)) return void (pending.current = false);
    const button = element.querySelector<HTMLElement>('button[aria-current="step"]');
    if (!button) return;
    pending.current = false;
    if (button !== focus) button.focus({ preventScroll: true });
  }, [strip, current, rendered]);
}
