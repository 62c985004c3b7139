// The in-page half of observation: one function, run with one page.evaluate per step (docs/design/WEBARENA.md §3 notes
// WebArena's per-node bounding-box round trips make observation slow; we batch everything into one call).
// It must be self-contained: Playwright serialises it into the page, so it cannot use imports or closures.

export interface RawNode {
  id: number;
  role: string;
  name: string;
  depth: number;
  props: Record<string, string>;
  box: { x: number; y: number; width: number; height: number } | null;
  targetId: number;
  interactive: boolean;
}

export interface RawExtraction {
  nodes: RawNode[];
  nextId: number;
  title: string;
  viewport: { width: number; height: number };
}

/** Assigns ids that live as long as the DOM node (a WeakMap on window, plus a data-mira-id attribute for
 * the executor's selectors) and returns the pruned accessibility-like tree. `firstId` continues the
 * episode's numbering on a new document, so an id is never reused for a different element within a tab. */
export function extractPage(firstId: number): RawExtraction {
  type MiraState = { next: number; ids: WeakMap<Node, number> };
  const w = window as unknown as { __mira?: MiraState };
  const state: MiraState = w.__mira ?? (w.__mira = { next: firstId, ids: new WeakMap() });
  const idOf = (node: Node): number => {
    let id = state.ids.get(node);
    if (id === undefined) {
      id = state.next++;
      state.ids.set(node, id);
    }
    if (node instanceof Element && node.getAttribute('data-mira-id') !== String(id)) node.setAttribute('data-mira-id', String(id));
    return id;
  };
  const collapse = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  const clip = (s: string, n = 120): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

  const inputRole = (el: HTMLInputElement): string => {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    const map: Record<string, string> = {
      checkbox: 'checkbox', radio: 'radio', button: 'button', submit: 'button', reset: 'button', image: 'button',
      range: 'slider', number: 'spinbutton', search: 'searchbox', hidden: '',
    };
    return type in map ? map[type] : 'textbox';
  };
  const implicitRole = (el: Element): string => {
    const tag = el.tagName.toLowerCase();
    switch (tag) {
      case 'a': return el.hasAttribute('href') ? 'link' : '';
      case 'button': return 'button';
      case 'input': return inputRole(el as HTMLInputElement);
      case 'select': return (el as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
      case 'option': return 'option';
      case 'textarea': return 'textbox';
      case 'img': return el.getAttribute('alt') === '' ? '' : 'img';
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
      case 'ul': case 'ol': return 'list';
      case 'li': return 'listitem';
      case 'nav': return 'navigation';
      case 'main': return 'main';
      case 'header': return 'banner';
      case 'footer': return 'contentinfo';
      case 'aside': return 'complementary';
      case 'form': return 'form';
      case 'table': return 'table';
      case 'tr': return 'row';
      case 'td': return 'cell';
      case 'th': return 'columnheader';
      case 'dialog': return 'dialog';
      case 'article': return 'article';
      case 'label': return 'LabelText';
      case 'p': return 'paragraph';
      case 'summary': return 'button';
      default: return '';
    }
  };
  // Roles whose accessible name comes from their content; their text is not repeated as StaticText.
  const nameFromContent = new Set(['link', 'button', 'heading', 'option', 'cell', 'columnheader', 'LabelText', 'tab', 'menuitem']);
  const interactiveRoles = new Set(['link', 'button', 'textbox', 'searchbox', 'checkbox', 'radio', 'combobox', 'listbox', 'option', 'slider', 'spinbutton', 'tab', 'menuitem', 'switch']);

  // Elements a person could click though no role says so (docs/design/WEBARENA.md §3.1): click listeners (read
  // over CDP into window.__miraListening by observe-listeners.ts, when the browser allows), onclick,
  // contenteditable, tabindex ≥ 0, <a> without href, and the outermost element with a pointer cursor.
  const listening = (window as unknown as { __miraListening?: WeakSet<Element> }).__miraListening;
  const isEditingHost = (el: Element): boolean => (el as HTMLElement).isContentEditable === true && !(el.parentElement?.isContentEditable);
  const ownClickable = (el: Element, pointer: boolean, parentPointer: boolean): boolean =>
    (listening?.has(el) ?? false) || el.hasAttribute('onclick') || isEditingHost(el) || el.tagName.toLowerCase() === 'a' ||
    (el.hasAttribute('tabindex') && Number(el.getAttribute('tabindex')) >= 0) || (pointer && !parentPointer);
  const CONTROL_SELECTOR = 'a,button,input,select,textarea,summary,[role],[onclick],[contenteditable],[tabindex]';
  /** Whether a clickable element holds other clickable elements (then its children are listed one by one). */
  const holdsClickables = (el: Element): boolean => {
    if (el.querySelector(CONTROL_SELECTOR)) return true;
    const inside = el.getElementsByTagName('*');
    if (inside.length > 200) return true;
    for (let i = 0; i < inside.length; i++) if (listening?.has(inside[i])) return true;
    return false;
  };
  /** A hint for a clickable element with no name (an icon): its class names, as page authors name icons. */
  const classHint = (el: Element): string => clip(collapse(typeof el.className === 'string' ? el.className : el.getAttribute('class')), 40);

  const labelText = (el: Element): string => {
    const id = el.getAttribute('id');
    if (id) {
      const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
      if (label) return collapse(label.textContent);
    }
    const wrapping = el.closest('label');
    return wrapping ? collapse(wrapping.textContent) : '';
  };
  const accessibleName = (el: Element, role: string): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy.split(/\s+/).map((ref) => collapse(document.getElementById(ref)?.textContent)).join(' ').trim();
      if (text) return text;
    }
    const aria = collapse(el.getAttribute('aria-label'));
    if (aria) return aria;
    const tag = el.tagName.toLowerCase();
    if (tag === 'input' || tag === 'select' || tag === 'textarea') {
      const input = el as HTMLInputElement;
      if (['submit', 'button', 'reset'].includes(input.type)) return collapse(input.value) || (input.type === 'submit' ? 'Submit' : '');
      return labelText(el) || collapse(el.getAttribute('placeholder')) || collapse(el.getAttribute('title'));
    }
    if (tag === 'img') return collapse(el.getAttribute('alt')) || collapse(el.getAttribute('title'));
    if (nameFromContent.has(role)) return collapse((el as HTMLElement).innerText ?? el.textContent);
    return collapse(el.getAttribute('title'));
  };
  const isHidden = (el: Element): boolean => {
    const html = el as HTMLElement;
    if (typeof html.checkVisibility === 'function') return !html.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    const style = getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden';
  };
  const boxOf = (el: Element): RawNode['box'] => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return null;
    return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
  };
  const propsOf = (el: Element, role: string): Record<string, string> => {
    const props: Record<string, string> = {};
    const tag = el.tagName.toLowerCase();
    if (tag === 'input' || tag === 'textarea') {
      const input = el as HTMLInputElement;
      if (role === 'checkbox' || role === 'radio') props.checked = String(input.checked);
      else if (input.value) props.value = input.value;
      if (input.required) props.required = 'true';
    }
    if (role === 'textbox' && isEditingHost(el)) props.value = clip(collapse((el as HTMLElement).innerText), 200);
    if (tag === 'select') {
      const select = el as HTMLSelectElement;
      const chosen = select.selectedOptions[0];
      if (chosen) props.value = collapse(chosen.textContent);
    }
    if (tag === 'option' && (el as HTMLOptionElement).selected) props.selected = 'true';
    if ((el as HTMLButtonElement).disabled) props.disabled = 'true';
    const expanded = el.getAttribute('aria-expanded');
    if (expanded) props.expanded = expanded;
    if (role === 'heading') props.level = tag.startsWith('h') ? tag.slice(1) : (el.getAttribute('aria-level') ?? '2');
    if (document.activeElement === el && el !== document.body) props.focused = 'true';
    return props;
  };

  const nodes: RawNode[] = [];
  const visit = (el: Element, depth: number, parentTarget: number, parentPointer: boolean): void => {
    if (isHidden(el)) return;
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return;
    let role = el.getAttribute('role') ?? implicitRole(el);
    const pointer = getComputedStyle(el).cursor === 'pointer';
    const generic = role === '' || role === 'presentation' || role === 'none' || role === 'generic';
    const clickable = tag !== 'body' && !interactiveRoles.has(role) && ownClickable(el, pointer, parentPointer);
    // aria-hidden drops a subtree from the tree, but a person can still click what it shows (spinner arrows).
    if (el.getAttribute('aria-hidden') === 'true' && !clickable && !interactiveRoles.has(role)) return;
    if (clickable && generic) role = isEditingHost(el) ? 'textbox' : 'generic';
    const emitted = !generic || clickable;
    // A clickable element without controls inside is named by its short text, which is then not repeated;
    // longer text stays in the tree as StaticText, so nothing is cut away.
    const content = clickable && !nameFromContent.has(role) && role !== 'textbox' && !holdsClickables(el) ? collapse((el as HTMLElement).innerText ?? el.textContent) : null;
    const namedByContent = content !== null && content.length <= 120;
    let childDepth = depth;
    let target = parentTarget;
    if (emitted) {
      const id = idOf(el);
      const name = clip(accessibleName(el, role) || (namedByContent ? content : ''));
      const props = propsOf(el, role);
      if (clickable) {
        props.clickable = 'true';
        if (!name && classHint(el)) props.class = classHint(el);
      }
      // Unnamed structural nodes add noise without information (WebArena prunes them too).
      const keep = clickable || name !== '' || interactiveRoles.has(role) || !['paragraph', 'LabelText', 'listitem', 'row', 'cell'].includes(role) || el.children.length === 0;
      if (keep) {
        nodes.push({ id, role, name, depth, props, box: boxOf(el), targetId: id, interactive: clickable || interactiveRoles.has(role) });
        childDepth = depth + 1;
      }
      target = id;
      if (namedByContent) return;
      if (nameFromContent.has(role) || role === 'textbox' || role === 'searchbox' || role === 'combobox') {
        // Children of a named-from-content node are summarised by its name; keep only nested controls.
        for (const child of Array.from(el.children)) {
          if (child.matches('a[href],button,input,select,textarea,[role]')) visit(child, childDepth, target, pointer);
        }
        return;
      }
    } else if (tag === 'body') {
      target = idOf(el);
    }
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = collapse(child.textContent);
        // A click on text acts on the element that holds it, not on the nearest ancestor with a role.
        if (text) nodes.push({ id: idOf(child), role: 'StaticText', name: clip(text, 200), depth: childDepth, props: {}, box: null, targetId: idOf(el), interactive: false });
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        visit(child as Element, childDepth, target, pointer);
      }
    }
  };
  if (document.body) visit(document.body, 0, 0, false);
  return { nodes, nextId: state.next, title: document.title, viewport: { width: window.innerWidth, height: window.innerHeight } };
}
