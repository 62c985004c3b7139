import type { ObservedNode } from './observation-types';
import type { WebRlElement, WebRlSnapshot } from './webrl-dom-script';

/** WebRL's observation (docs/design/WEBARENA.md §3): the one-line simplified HTML that VisualAgentBench's
 * WebArena-Lite pipeline gives WebRL models, rendered from the step's DOM snapshot (webrl-dom-script.ts).
 * Rules from THUDM/VisualAgentBench VAB-WebArena-Lite/new/html_tools: HtmlParser.parse (html_parser.py, which
 * elements and attributes stay), HtmlPrompt.normal_prompt_constructor with the 'xml' prompt (prompt.py,
 * configs/html_prompt.py: how one element is written), with fetch.py get_parsed_html's arguments
 * (use_position, the window, basic_attrs, dataset 'pipeline'). Example:
 * `<html data-bbox="0,0,1280,720"> <body data-bbox="0,0,1280,900"> <a id="0" data-text="Home" data-bbox="8,8,40,18"> Home </a> … </body> </html>`.
 * `id="N"` is label.js's number, which a WebRL model writes as element="N"; `toNodeId` maps it to the
 * observation node the executor acts on (the labelled element or its nearest listed ancestor), `toSequentialId`
 * goes back (for the oracle and for exports). */
export interface WebRlHtml {
  html: string;
  toNodeId(webrlId: string): string | undefined;
  toSequentialId(nodeId: string): string | undefined;
  /** Every WebRL id that names an observation node → that node's id (stored beside the step's HTML). */
  idMap(): Record<string, string>;
}

export function renderWebRlHtml(snapshot: WebRlSnapshot | undefined, nodes: readonly ObservedNode[]): WebRlHtml {
  if (!snapshot) throw new Error('This observation was taken without the DOM snapshot WebRL\'s HTML is rendered from (observe.ts).');
  const html = snapshot.root ? renderElement(snapshot.root, snapshot.viewport, false).dom : '';
  const listed = new Map(nodes.map((n) => [n.id, n]));
  const toNode = snapshot.labelTargets.map((chain) => chain.map(String).find((id) => listed.has(id)));
  const toNodeId = (webrlId: string): string | undefined => (/^\d+$/.test(webrlId) ? toNode[Number(webrlId)] : undefined);
  const toSequentialId = (nodeId: string): string | undefined => {
    const exact = toNode.indexOf(nodeId);
    if (exact >= 0) return String(exact);
    // A node no label resolves to (a list item whose link took the label): a labelled element inside it.
    const node = listed.get(nodeId);
    if (!node) return undefined;
    const inside = snapshot.labelTargets.findIndex((chain) => chain.map(String).includes(node.targetId));
    return inside >= 0 && toNode[inside] !== undefined ? String(inside) : undefined;
  };
  return {
    html,
    toNodeId,
    toSequentialId,
    idMap: () => Object.fromEntries(toNode.flatMap((id, label) => (id === undefined ? [] : [[String(label), id]]))),
  };
}

// Python's str.strip() and HtmlParser's get_text: trimmed, at most 500 code points.
const PY_EDGE_SPACE = /^[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
function getText(s: string): string {
  const trimmed = s.replace(PY_EDGE_SPACE, '');
  return trimmed.length <= 500 ? trimmed : Array.from(trimmed).slice(0, 500).join('');
}

/** HtmlParser.parse's is_visible with use_position: not aria-hidden, a data-bbox (rect2tuple: four numbers),
 * and touching the window, whose origin is 0,0 (the boxes are viewport-relative). */
function isVisible(el: WebRlElement, viewport: WebRlSnapshot['viewport']): boolean {
  if (el.ariaHidden) return false;
  const bbox = el.attrs.find(([k]) => k === 'data-bbox')?.[1].trim();
  if (bbox === undefined || bbox.split(',').length !== 4) return false;
  const [x, y, w, h] = bbox.split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
  if ([x, y, w, h].some(Number.isNaN)) return false;
  return !(x + w < 0 || x > viewport.width || y + h < 0 || y > viewport.height);
}

/** HtmlParser.parse's _dfs for one element: its text, or '' when dropped (its children's text moves up). */
function renderElement(el: WebRlElement, viewport: WebRlSnapshot['viewport'], parentKeepsOptions: boolean): { dom: string; hasText: boolean } {
  const visible = isVisible(el, viewport);
  const label = el.label === null ? '' : String(el.label);
  const labelShown = label !== '' && visible; // in_obs_list, have_label
  // keep_element: shown elements, labelled ones, and every option of a kept <select> (closed, they have no box).
  const keep = visible || label !== '' || (parentKeepsOptions && el.tag === 'option');
  const text = getText(el.text);
  // check_attr drops type="hidden"; empty values are left out.
  const attrs = el.attrs
    .filter(([k, v]) => !(k === 'type' && v === 'hidden'))
    .map(([k, v]): [string, string] => [k, getText(v)])
    .filter(([, v]) => v.length > 0);
  const hasOwnText = text.length > 0 || attrs.some(([k]) => k !== 'data-bbox');
  const parts: string[] = [];
  let childrenWithText = el.textBelow; // clickable_count (children the snapshot left out count here)
  for (const child of el.children) {
    const sub = renderElement(child, viewport, keep && el.tag === 'select');
    if (sub.hasText) childrenWithText++;
    if (sub.dom) parts.push(sub.dom);
  }
  // subtree_splitter ' '; keep_as_all_text never fires with the xml prompt (no '<text|' tags).
  let dom = parts.join(' ');
  // Kept, but only with text of its own, a label, or more than one child with text somewhere below.
  if (keep && (childrenWithText > 1 || hasOwnText || labelShown)) dom = writeElement(el.tag, label, text, dom, attrs);
  return { dom, hasText: childrenWithText > 0 || hasOwnText };
}

/** The 'xml' prompt: `<{tag}{ id="N"}{ k="v"…}>{ text}{ subtree} </{tag}>`, attributes whose value an
 * earlier attribute already showed left out (normal_prompt_constructor). Values and text are written as
 * lxml decoded them, unescaped. */
function writeElement(tag: string, label: string, text: string, subtree: string, attrs: [string, string][]): string {
  const seen = new Set<string>();
  const shown: string[] = [];
  for (const [k, v] of attrs) {
    if (seen.has(v)) continue;
    seen.add(v);
    shown.push(`${k}="${v}"`);
  }
  const id = label ? ` id="${label}"` : '';
  const attrText = shown.length ? ` ${shown.join(' ')}` : '';
  return `<${tag}${id}${attrText}>${text ? ` ${text}` : ''}${subtree ? ` ${subtree}` : ''} </${tag}>`;
}
