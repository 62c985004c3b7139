// Reading the stored observation back into nodes. A step stores only its observation text (the AX-tree
// lines of render-ax-tree.ts), not the extracted node list; the local policy's candidates (docs/design/MIRA.md §4.17: a
// state is observation + previous actions + goal) need id, role, name and value per node, which every line
// `[id] role 'name' key: value…` carries.

export interface TextNode {
  id: string;
  role: string;
  name: string;
  props: Record<string, string>;
  /** Tree depth (the line's tabs − 1, as render-ax-tree.ts indents), which the answer extractor reads. */
  depth: number;
}

const LINE = /^(\t+)\[([^\]]+)\] (\S+) '((?:[^'\\]|\\.)*)'(.*)$/;
// The props the page script records (main/browser/page-script.ts), in the order it records them. Only these
// split a line: a typed value such as "for future readers: the fossil…" holds ` readers: ` itself, and
// splitting at any word before a colon cut the value there (the policy's and critics' features read it).
const PROP_KEY = / (checked|value|required|selected|disabled|expanded|level|focused|clickable|class): /g;

/** Nodes of an AX-tree text in page order. Lines that are not node lines (tab header, root, the size-budget
 * marker) are skipped; an observation cut at its size budget yields only the nodes before the cut. A value
 * that itself contains ` <prop>: ` for one of the recorded props (` focused: `) would still split there. */
export function parseAxTreeText(text: string): TextNode[] {
  const nodes: TextNode[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    nodes.push({ id: m[2], role: m[3], name: m[4].replace(/\\'/g, "'"), props: parseProps(m[5]), depth: m[1].length - 1 });
  }
  return nodes;
}

function parseProps(rest: string): Record<string, string> {
  const props: Record<string, string> = {};
  const keys = [...rest.matchAll(PROP_KEY)];
  keys.forEach((k, i) => {
    const start = k.index! + k[0].length;
    const end = i + 1 < keys.length ? keys[i + 1].index! : rest.length;
    props[k[1]] = rest.slice(start, end);
  });
  return props;
}
