// Candidates for the local policy's `stop [answer]` (docs/design/MIRA.md §4.19; issue 17 "an answer action"):
// the answer atoms (answer-text.ts) of the page's text — AX-node names, table cells, field values — in page
// order, outside the site chrome (banner, navigation, footer, search box), deduplicated by the evaluator's
// answer key and capped, so every state gains a bounded number of candidates; the `main` landmark's content
// comes first, so a sidebar of filters cannot take the places of the results. Each keeps a short context (its
// column header, its label or the words before it) that the policy scores it by.
import { answerAtoms, answerKey, type AnswerKind } from './answer-text';

/** A possible answer as a recorded state keeps it (JSON, small). */
export interface AnswerCandidate {
  text: string;
  kind: AnswerKind;
  /** Role of the node it came from, and its column header, label or the words before it. */
  context: string;
}

/** The most answer candidates one state offers (the first in page order). */
export const MAX_ANSWER_CANDIDATES = 16;

/** What the extractor reads of a node: an observed node (depth known) or one read back from stored text. */
export interface AnswerSourceNode {
  role: string;
  name: string;
  props?: Record<string, string>;
  /** Tree depth; without it no subtree can be skipped. */
  depth?: number;
}

/** Landmarks whose subtrees are site chrome, never the answer to a task. */
const CHROME = new Set(['banner', 'navigation', 'contentinfo', 'search']);
/** Nodes whose name is a label or an action, not page content. */
const NOT_CONTENT = new Set([
  'button', 'textbox', 'searchbox', 'spinbutton', 'combobox', 'listbox', 'option', 'checkbox', 'radio', 'switch', 'tab', 'menuitem',
  'LabelText', 'columnheader', 'img', 'RootWebArea', 'main', 'form', 'list', 'table', 'row', 'article', 'region', 'complementary', 'group',
]);
/** Form fields whose current value is page content (a product's price in an edit form). */
const VALUE_FIELDS = new Set(['textbox', 'spinbutton']);

export function answerCandidates(nodes: readonly AnswerSourceNode[], max = MAX_ANSWER_CANDIDATES): AnswerCandidate[] {
  const out: AnswerCandidate[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: AnswerKind, context: string) => {
    const key = answerKey(text);
    if (!key || seen.has(key) || out.length >= max) return;
    seen.add(key);
    out.push({ text, kind, context });
  };
  let skipBelow: number | null = null;
  let headers: string[] = [];
  let cellIndex = 0;
  let previousText = '';
  for (const node of mainFirst(nodes)) {
    if (out.length >= max) break;
    if (skipBelow !== null && node.depth !== undefined && node.depth > skipBelow) continue;
    skipBelow = null;
    if (CHROME.has(node.role)) {
      if (node.depth !== undefined) skipBelow = node.depth;
      continue;
    }
    if (node.role === 'table' || node.role === 'grid') {
      headers = [];
      cellIndex = 0;
    }
    if (node.role === 'columnheader') headers.push(node.name.replace(/[▲▼]/g, '').trim());
    const value = VALUE_FIELDS.has(node.role) ? node.props?.value : undefined;
    const text = value ?? (NOT_CONTENT.has(node.role) ? '' : node.name);
    if (!text) continue;
    const isCell = node.role === 'cell' || node.role === 'gridcell';
    // A field's value is known by the field's name; a cell by its column; other text by what came before.
    const around = value !== undefined ? node.name : isCell && headers.length ? headers[cellIndex % headers.length] : previousText;
    if (isCell) cellIndex++;
    for (const atom of answerAtoms(text)) add(atom.text, atom.kind, `${node.role} ${atom.before || around}`.trim());
    previousText = lastWords(text, 4);
  }
  return out;
}

/** The nodes of the first `main` landmark's subtree, then the others, each in page order. */
function mainFirst(nodes: readonly AnswerSourceNode[]): readonly AnswerSourceNode[] {
  const start = nodes.findIndex((n) => n.role === 'main' && n.depth !== undefined);
  if (start < 0) return nodes;
  let end = start + 1;
  while (end < nodes.length && (nodes[end].depth ?? 0) > nodes[start].depth!) end++;
  return [...nodes.slice(start, end), ...nodes.slice(0, start), ...nodes.slice(end)];
}

function lastWords(text: string, n: number): string {
  return text.trim().split(/\s+/).slice(-n).join(' ');
}
