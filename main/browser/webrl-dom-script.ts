// The in-page half of WebRL's observation (docs/design/WEBARENA.md §3): the DOM as VisualAgentBench's
// WebArena-Lite pipeline serialises it before its HtmlParser reads it (THUDM/VisualAgentBench,
// VAB-WebArena-Lite/new/html_tools/fetch.py `modify_page`, scripts prepare.js, clickable_checker.js, label.js).
// Theirs writes data-* attributes and a class into the page and reads outerHTML back; ours reads the same
// facts without writing anything (the frame must show the page the text describes) and returns them as a tree.
// Runs in the same page.evaluate as extractPage (observe.ts), so it must be self-contained: no imports, no
// closures, no named inner functions (tsx would wrap them in __name).

/** One element as HtmlParser would see it after prepare.js; rendering rules are in render-webrl-html.ts. */
export interface WebRlElement {
  /** lxml's lower-case tag name. */
  tag: string;
  /** lxml's `.text`: the text before the first child element, whitespace collapsed (not yet trimmed). */
  text: string;
  /** The attributes HtmlParser keeps (config.py `basic_attrs`), in that order, whitespace collapsed; absent ones left out. */
  attrs: [string, string][];
  /** aria-hidden="true": is_visible says no whatever the box. */
  ariaHidden: boolean;
  /** label.js's data-label-id: the number a WebRL model writes as element="N". */
  label: number | null;
  /** The children that might show (a box near the window, a label, a select or option, or such a descendant). */
  children: WebRlElement[];
  /** How many of the children left out have text in their subtree: all HtmlParser takes from them is its count
   * of children with text (clickable_count), so they are sent as this number. */
  textBelow: number;
}

export interface WebRlSnapshot {
  root: WebRlElement | null;
  /** window.innerWidth/innerHeight: fetch.py `get_window`, the window HtmlParser keeps elements inside. */
  viewport: { width: number; height: number };
  /** For label N, our element ids (page-script.ts data-mira-id) of the labelled element and its ancestors,
   * nearest first: the executor acts on the nearest one the observation lists. */
  labelTargets: number[][];
}

export function snapshotWebRlDom(): WebRlSnapshot {
  const BASIC_ATTRS = ['title', 'value', 'type', 'placeholder', 'selected', 'data-value', 'data-text', 'data-testid', 'data-label', 'data-bbox', 'data-status'];
  const CLICKABLE_ROLES = ['button', 'tab', 'link', 'checkbox', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'radio'];
  const CLICKABLE_TAGS = ['input', 'textarea', 'select', 'button', 'a', 'iframe', 'video', 'object', 'embed', 'details'];
  // ctx2tree collapses `\s+` over the serialised page; &nbsp; is an entity there, so it survives (Python's \s minus U+00A0).
  const PY_SPACE = /[\t\n\v\f\r \x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
  const collapse = (s: string): string => s.replace(PY_SPACE, ' ').slice(0, 2000);
  const PY_NOT_SPACE = /[^\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  const vw = Math.max(document.documentElement.clientWidth || 0, window.innerWidth || 0);
  const vh = Math.max(document.documentElement.clientHeight || 0, window.innerHeight || 0);
  const all = Array.from(document.querySelectorAll('*'));
  const rectCache = new Map<Element, DOMRect[]>();
  const rectsOf = (el: Element): DOMRect[] => {
    let rects = rectCache.get(el);
    if (!rects) rectCache.set(el, (rects = Array.from(el.getClientRects())));
    return rects;
  };

  // clickable_checker.js: what might be clickable, kept only where its centre hit-tests to it inside the viewport.
  const jsactionClick = (value: string): boolean => value.split(';').some((rule) => {
    const parts = rule.trim().split(':');
    if (parts.length < 1 || parts.length > 2) return false;
    const [eventType, namespace, actionName] = parts.length === 1 ? ['click', ...parts[0].trim().split('.'), '_'] : [parts[0], ...parts[1].trim().split('.'), '_'];
    return eventType === 'click' && namespace !== 'none' && actionName !== '_';
  });
  const mightClick = (el: Element): boolean => {
    const tag = el.tagName.toLowerCase();
    if ((el as HTMLElement).onclick != null || getComputedStyle(el).cursor === 'pointer') return true;
    const usemap = tag === 'img' ? el.getAttribute('usemap') : null;
    if (usemap && rectsOf(el).length > 0) {
      try {
        if (document.querySelector(`map[name="${usemap.replace(/^#/, '').replace('"', '\\"')}"]`)) return true;
      } catch {
        // a map name no selector can hold: theirs throws here too; we call the image not clickable
      }
    }
    const role = el.getAttribute('role');
    if (role != null && CLICKABLE_ROLES.includes(role.toLowerCase())) return true;
    const editable = el.getAttribute('contenteditable');
    if (editable != null && ['', 'contenteditable', 'true'].includes(editable.toLowerCase())) return true;
    if (el.hasAttribute('jsaction') && jsactionClick(el.getAttribute('jsaction') ?? '')) return true;
    if (CLICKABLE_TAGS.includes(tag)) return true;
    if (tag === 'label') {
      const control = (el as HTMLLabelElement).control as HTMLInputElement | null;
      if (control != null && !control.disabled) return true;
    } else if (tag === 'img' && ['zoom-in', 'zoom-out'].includes((el as HTMLElement).style?.cursor ?? '')) return true;
    if ((el.getAttribute('class') ?? '').toLowerCase().includes('button')) return true;
    const tabIndexValue = el.getAttribute('tabindex');
    const tabIndex = tabIndexValue ? parseInt(tabIndexValue) : -1; // no radix, as theirs ("0x10" is 16)
    return !(tabIndex < 0) && !isNaN(tabIndex);
  };
  const hitArea = (el: Element): number => {
    let area = 0;
    for (const bb of rectsOf(el)) {
      const hit = document.elementFromPoint(bb.left + bb.width / 2, bb.top + bb.height / 2);
      if (!hit || !(hit === el || el.contains(hit))) continue;
      area += (Math.min(vw, bb.right) - Math.max(0, bb.left)) * (Math.min(vh, bb.bottom) - Math.max(0, bb.top));
    }
    return area;
  };
  // Only an element with a rect whose centre is in the viewport can pass the hit test: the others are not
  // asked for their style (the costly part on a long page).
  const centred = (el: Element): boolean => rectsOf(el).some((bb) => {
    const x = bb.left + bb.width / 2, y = bb.top + bb.height / 2;
    return x >= 0 && y >= 0 && x <= vw && y <= vh;
  });
  const candidates = all.filter((el) => centred(el) && mightClick(el) && hitArea(el) >= 1);
  // Only the innermost candidates stay (an element holding another candidate is dropped).
  const holdsCandidate = new Set<Element>();
  for (const el of candidates) for (let p = el.parentElement; p && !holdsCandidate.has(p); p = p.parentElement) holdsCandidate.add(p);
  // label.js: numbered 0, 1, 2… in document order, where the first client rect, clipped to the viewport, has a side.
  const labels = new Map<Element, number>();
  const labelTargets: number[][] = [];
  const miraIds = (window as unknown as { __mira?: { ids: WeakMap<Node, number> } }).__mira?.ids;
  for (const el of candidates) {
    if (holdsCandidate.has(el)) continue;
    const bb = rectsOf(el)[0];
    if (!bb || !(Math.min(vw, bb.right) - Math.max(0, bb.left) > 0 || Math.min(vh, bb.bottom) - Math.max(0, bb.top) > 0)) continue;
    labels.set(el, labelTargets.length);
    const chain: number[] = [];
    for (let p: Element | null = el; p && chain.length < 16; p = p.parentElement) {
      const id = miraIds?.get(p);
      if (id !== undefined) chain.push(id);
    }
    labelTargets.push(chain);
  }

  // prepare.js: data-bbox from the first client rect (rounded), data-text from the element's own text nodes,
  // live values (data-value), selects' chosen option and checkboxes' state (data-status).
  const status = new Map<Element, string>();
  for (const el of Array.from(document.querySelectorAll('select'))) {
    const select = el as HTMLSelectElement;
    const chosen = select.options[select.selectedIndex];
    if (chosen) status.set(chosen, 'selected');
  }
  const attrsOf = (el: Element, tag: string): [string, string][] => {
    const own: Record<string, string> = {};
    const bb = rectsOf(el)[0];
    if (bb) {
      const left = Math.round(bb.left), top = Math.round(bb.top);
      own['data-bbox'] = `${left},${top},${Math.round(bb.right) - left},${Math.round(bb.bottom) - top}`;
    }
    if (el.hasChildNodes()) {
      own['data-text'] = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => (n.textContent ?? '').trim().replace(/\s{2,}/g, ' ')).filter((t) => t.length > 0).join(',');
    }
    if (tag === 'select') {
      const select = el as HTMLSelectElement;
      own['data-value'] = select.value;
      own['data-text'] = select.options[select.selectedIndex]?.text ?? '';
    }
    if (tag === 'input' && el.getAttribute('type') === 'checkbox') own['data-status'] = (el as HTMLInputElement).checked ? 'checked' : 'not-checked';
    if (tag === 'input' || tag === 'textarea') own['data-value'] = (el as HTMLInputElement).value;
    const chosen = status.get(el);
    if (chosen) own['data-status'] = chosen;
    const attrs: [string, string][] = [];
    for (const name of BASIC_ATTRS) {
      const value = name in own ? own[name] : el.getAttribute(name);
      if (value != null) attrs.push([name, collapse(value)]);
    }
    return attrs;
  };

  // ctx2tree drops comments, <script> and <style> with their content (the text around them joins up);
  // noscript and template hold markup as text in a live page, never rendered: left out, but they end the
  // leading text as lxml's elements would.
  const REMOVED = ['script', 'style'];
  const SKIPPED = ['noscript', 'template'];
  // Whether an element might show: a box near the window (render-webrl-html.ts isVisible decides exactly), a
  // label, or a select and its options (HtmlParser keeps a kept select's options, which have no box).
  const mightShow = (tag: string, attrs: [string, string][], label: number | null): boolean => {
    if (label !== null || tag === 'select' || tag === 'option') return true;
    const box = attrs.find(([k]) => k === 'data-bbox')?.[1].split(',').map(Number);
    return box !== undefined && !(box[0] + box[2] < -1 || box[0] > window.innerWidth + 1 || box[1] + box[3] < -1 || box[1] > window.innerHeight + 1);
  };
  const ownText = (text: string, attrs: [string, string][]): boolean =>
    PY_NOT_SPACE.test(text) || attrs.some(([k, v]) => k !== 'data-bbox' && !(k === 'type' && v === 'hidden') && PY_NOT_SPACE.test(v));
  type Walked = { node: WebRlElement; shows: boolean; text: boolean };
  const walk = (el: Element): Walked | null => {
    const tag = el.tagName.toLowerCase();
    if (REMOVED.includes(tag) || SKIPPED.includes(tag)) return null;
    let text = '';
    let leading = true;
    const children: Walked[] = [];
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        if (!REMOVED.includes((child as Element).tagName.toLowerCase())) leading = false;
        const sub = walk(child as Element);
        if (sub) children.push(sub);
      } else if (leading && child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    }
    const attrs = attrsOf(el, tag);
    const label = labels.get(el) ?? null;
    const node: WebRlElement = {
      tag, text: collapse(text), attrs, ariaHidden: el.getAttribute('aria-hidden') === 'true', label,
      children: children.filter((c) => c.shows).map((c) => c.node),
      textBelow: children.filter((c) => !c.shows && c.text).length,
    };
    const shows = mightShow(tag, attrs, label) || children.some((c) => c.shows);
    return { node, shows, text: ownText(node.text, attrs) || children.some((c) => c.text) };
  };
  const root = walk(document.documentElement);
  return { root: root ? root.node : null, viewport: { width: window.innerWidth, height: window.innerHeight }, labelTargets };
}
