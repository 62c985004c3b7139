import { describe, expect, it } from 'vitest';
import type { ObservedNode } from '../../../main/browser/observation-types';
import { renderAxTree } from '../../../main/browser/render-ax-tree';
import { parseAxTreeText } from '../../../main/training/export/ax-text';

// Reading a stored AX-tree observation back into nodes (the export's and the critic fit's rebuilt states,
// docs/export.md §5 "Checkpoint"): what the page script recorded must come back unchanged.
function node(id: string, role: string, name: string, props: Record<string, string>): ObservedNode {
  return { id, role, name, depth: 1, props, box: null, targetId: id, interactive: true };
}

describe('parseAxTreeText', () => {
  it('keeps a typed value that holds "word: " whole (a recorded episode: the forum post body)', () => {
    // The line as a local-policy episode stored it. Before the fix the value was cut at " readers: " into
    // { value: 'Posting this for future', readers: 'the travel insurance …' }, so the export's rebuilt states
    // gave P(s_t) 0.8703 where the acting policy had recorded 0.8728 for the same checkpoint.
    const line = "\t\t\t[361] textbox 'Body' value: Posting this for future readers: the travel insurance works much better after a reset. focused: true";
    expect(parseAxTreeText(line)).toEqual([{
      id: '361', role: 'textbox', name: 'Body', depth: 2,
      props: { value: 'Posting this for future readers: the travel insurance works much better after a reset.', focused: 'true' },
    }]);
  });

  it('reads back every prop the page script records, as renderAxTree wrote them', () => {
    const nodes = [
      node('1', 'textbox', "Note's title", { value: 'Time: 10:30, Note: call Bob', required: 'true', focused: 'true' }),
      node('2', 'checkbox', 'Agree', { checked: 'false', disabled: 'true' }),
      node('3', 'combobox', 'Forum', { value: 'askscience', expanded: 'false' }),
      node('4', 'option', 'askscience', { selected: 'true' }),
      node('5', 'heading', 'Title: part 2', { level: '2' }),
      node('6', 'generic', '', { clickable: 'true', class: 'icon-close' }),
    ];
    const parsed = parseAxTreeText(renderAxTree('Page', nodes, []));
    expect(parsed.map((n) => ({ id: n.id, name: n.name, props: n.props }))).toEqual(nodes.map((n) => ({ id: n.id, name: n.name, props: n.props })));
  });
});
