import type { ObservedNode } from './observation-types';

/** WebRL-style simplified HTML (docs/design/WEBARENA.md §3): visible nodes as compact tags, interactive ones
 * numbered sequentially (`id=0, 1, 2…` in page order) with a data-bbox, text kept inline. Visible means what
 * the extraction kept (not hidden) and rendered with a box; an interactive node without a box gets no id,
 * since a model could not act on it. `toNodeId` maps the sequential ids a WebRL model writes back to our
 * stable element ids, so the same executor acts; `toSequentialId` is its inverse (for the oracle). */
export interface WebRlHtml {
  html: string;
  toNodeId(sequentialId: string): string | undefined;
  toSequentialId(nodeId: string): string | undefined;
}

const TAG_FOR_ROLE: Record<string, string> = {
  link: 'a', button: 'button', textbox: 'input', searchbox: 'input', checkbox: 'input', radio: 'input',
  combobox: 'select', listbox: 'select', option: 'option', heading: 'h', img: 'img', list: 'ul', listitem: 'li',
  navigation: 'nav', main: 'main', banner: 'header', contentinfo: 'footer', form: 'form', table: 'table',
  row: 'tr', cell: 'td', columnheader: 'th', paragraph: 'p', LabelText: 'label', dialog: 'dialog',
  spinbutton: 'input', slider: 'input', article: 'article', complementary: 'aside',
};

export function renderWebRlHtml(nodes: readonly ObservedNode[]): WebRlHtml {
  const seqToNode = new Map<string, string>();
  const nodeToSeq = new Map<string, string>();
  const lines: string[] = [];
  let next = 0;
  for (const node of nodes) {
    const indent = ' '.repeat(node.depth);
    if (node.role === 'StaticText') {
      lines.push(`${indent}${escapeText(node.name)}`);
      continue;
    }
    const tag = node.role === 'heading' ? `h${node.props.level ?? '2'}` : TAG_FOR_ROLE[node.role] ?? 'div';
    const attrs: string[] = [];
    if (node.interactive && node.box) {
      const seq = String(next++);
      seqToNode.set(seq, node.id);
      nodeToSeq.set(node.id, seq);
      attrs.push(`id="${seq}"`);
      attrs.push(`data-bbox="${node.box.x},${node.box.y},${node.box.width},${node.box.height}"`);
    }
    if (node.props.value !== undefined) attrs.push(`value="${escapeAttr(node.props.value)}"`);
    if (node.props.checked === 'true') attrs.push('checked');
    if (node.props.disabled === 'true') attrs.push('disabled');
    const open = `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>`;
    const selfClosing = tag === 'input' || tag === 'img';
    lines.push(`${indent}${selfClosing ? open.replace(/>$/, ` title="${escapeAttr(node.name)}">`) : `${open}${escapeText(node.name)}</${tag}>`}`);
  }
  return {
    html: `<html>\n${lines.join('\n')}\n</html>`,
    toNodeId: (id) => seqToNode.get(id),
    toSequentialId: (id) => nodeToSeq.get(id),
  };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
