// Where a click lands and whether a page listens for keys (docs/design/WEBARENA.md §3.1, §4.1): the page-side
// checks the executor makes before it clicks or types. The page functions define no named inner functions, so
// no bundler helper (esbuild's __name) is needed inside the page.
import type { Locator, Page } from 'playwright';

export interface ClickLanding {
  /** Viewport point the click goes to: the centre of the element's first visible box fragment. */
  x: number;
  y: number;
  /** True when the topmost element at the point is the target or inside it. */
  onTarget: boolean;
  /** What is at the point when it is not the target: `tag#id.class "text"` and its observation id, if any. */
  hit: string;
  /** A disabled form control (or inside a disabled button): the browser sends it no click. aria-disabled is not
   * counted: what a click on it does is the page's to decide, and the next observation shows it. */
  disabled: boolean;
}

/** What one look at the page found for the element: gone from the page, there but with no box in the viewport
 * (hidden, zero-sized: Playwright then explains why it cannot be clicked), or where a click would land. */
export type LandingCheck = { kind: 'missing' } | { kind: 'no_box' } | ({ kind: 'landing' } & ClickLanding);

/** Finds the element with the observation's `data-mira-id` (the extraction marks the document's own elements),
 * brings it into view when it is not wholly there (centred, instantly, as Playwright's
 * scrollIntoViewIfNeeded did), and says where a click lands: the point and what elementFromPoint finds
 * there. One evaluate in the page: no actionability waits, so Chromium draws no extra frames for it (issue 22). */
export async function checkClickLanding(page: Page, targetId: string): Promise<LandingCheck> {
  return page.evaluate((id: string) => {
    const el = document.querySelector(`[data-mira-id="${CSS.escape(id)}"]`);
    if (!el) return { kind: 'missing' as const };
    // Wholly in view means inside the viewport and inside every ancestor that clips (a scrolled list): what
    // Playwright's check (an IntersectionObserver ratio of 1) meant. 'instant' overrides a page's smooth scrolling.
    const box0 = el.getBoundingClientRect();
    let outOfView = box0.left < 0 || box0.top < 0 || box0.right > innerWidth || box0.bottom > innerHeight;
    for (let a = el.parentElement; a && !outOfView && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      outOfView = box0.left < c.left || box0.top < c.top || box0.right > c.right || box0.bottom > c.bottom;
    }
    if (outOfView && box0.width > 0 && box0.height > 0) el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    const rects = Array.from(el.getClientRects()).filter((r) => r.width > 0 && r.height > 0 &&
      r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight);
    if (rects.length === 0) return { kind: 'no_box' as const };
    const r = rects[0];
    const x = Math.min(Math.max((Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max((Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2, 0), innerHeight - 1);
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    let onTarget = false;
    for (let n: Node | null = hit; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === el) { onTarget = true; break; }
    // A control's own label passes the click on to it (custom checkboxes draw the label over the input).
    if (!onTarget && (hit?.closest('label') as HTMLLabelElement | null)?.control === el) onTarget = true;
    const disabled = el.matches(':disabled') || el.closest('button:disabled') !== null;
    let describe = '';
    if (hit && !onTarget) {
      const cls = typeof hit.className === 'string' && hit.className.trim() ? `.${hit.className.trim().split(/\s+/).join('.')}` : '';
      const text = (hit.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
      const owner = hit.closest('[data-mira-id]');
      describe = `${hit.tagName.toLowerCase()}${hit.id ? `#${hit.id}` : ''}${cls}${text ? ` "${text}"` : ''}${owner ? ` (in [${owner.getAttribute('data-mira-id')}])` : ''}`;
    }
    return { kind: 'landing' as const, x, y, onTarget, hit: hit ? describe : 'nothing (outside the page)', disabled };
  }, targetId);
}

/** True when the element, an ancestor, the document or the window has a key listener (found by the last
 * observation, observe-listeners.ts): the page reacts to keys as they are pressed, so `type` presses them. */
export function listensForKeys(target: Locator): Promise<boolean> {
  return target.evaluate((el: Element) => {
    const keys = (window as unknown as { __miraKeyListening?: WeakSet<object> }).__miraKeyListening;
    if (!keys) return false;
    if (keys.has(window)) return true;
    for (let n: Node | null = el; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (keys.has(n)) return true;
    return false;
  });
}

/** Empties a text field or contenteditable element the way a script would (value set, one input event): no
 * key events, unlike Playwright's fill(""), which presses Delete. */
export async function clearField(target: Locator): Promise<void> {
  await target.evaluate((el: Element) => {
    const field = el as HTMLInputElement;
    if ('value' in field && typeof field.value === 'string') {
      if (field.value === '') return;
      field.value = '';
    } else if ((el as HTMLElement).isContentEditable) {
      if (el.textContent === '') return;
      el.textContent = '';
    } else return;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
