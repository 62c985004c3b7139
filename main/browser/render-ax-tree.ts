import type { ObservedNode, TabInfo } from './observation-types';

/** WebArena-style accessibility-tree text: a tab header, then one line per node,
 * `[id] role 'name' prop: value`, indented with tabs by depth (docs/design/WEBARENA.md §3). */
export function renderAxTree(title: string, nodes: ObservedNode[], tabs: TabInfo[], maxChars = 60_000): string {
  const header = tabs.length > 1
    ? `Tab ${tabs.map((t) => `${t.index}${t.active ? ' (current)' : ''}: ${t.title}`).join('\t\t')}\n\n`
    : '';
  const lines = [`RootWebArea '${escapeQuote(title)}'`];
  let size = lines[0].length;
  for (const node of nodes) {
    const props = Object.entries(node.props).map(([k, v]) => ` ${k}: ${v}`).join('');
    const line = `${'\t'.repeat(node.depth + 1)}[${node.id}] ${node.role} '${escapeQuote(node.name)}'${props}`;
    size += line.length + 1;
    if (size > maxChars) {
      lines.push('\t[…] observation cut at its size budget');
      break;
    }
    lines.push(line);
  }
  return header + lines.join('\n');
}

function escapeQuote(s: string): string {
  return s.replace(/'/g, "\\'");
}
