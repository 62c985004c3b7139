import { describe, expect, it } from 'vitest';
import { diffLines, withoutElementIds } from '../../renderer/src/features/replay/text-diff';

describe('diffLines (observation changes between steps)', () => {
  it('keeps common lines and marks what was removed and added', () => {
    const before = ['[1] link Home', '[2] button Search', '[3] StaticText 0 items'].join('\n');
    const after = ['[1] link Home', '[2] button Search', '[3] StaticText 1 item', '[9] link Cart'].join('\n');
    expect(diffLines(before, after)).toEqual([
      { kind: 'same', text: '[1] link Home' },
      { kind: 'same', text: '[2] button Search' },
      { kind: 'removed', text: '[3] StaticText 0 items' },
      { kind: 'added', text: '[3] StaticText 1 item' },
      { kind: 'added', text: '[9] link Cart' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffLines('', 'a')).toEqual([{ kind: 'removed', text: '' }, { kind: 'added', text: 'a' }]);
    expect(diffLines('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
  });

  it('after a page load, counts only what changed beyond the renumbered element ids', () => {
    const before = ["RootWebArea 'Cart'", "\t[40] link 'Home'", "\t[41] StaticText '1 item'", "\t[42] button 'Checkout'"].join('\n');
    const after = ["RootWebArea 'Cart'", "\t[87] link 'Home'", "\t[88] StaticText '2 items'", "\t[89] button 'Checkout'"].join('\n');
    // By whole lines every element line changed; without the ids only the item count did.
    expect(diffLines(before, after).filter((l) => l.kind !== 'same')).toHaveLength(6);
    expect(diffLines(before, after, withoutElementIds)).toEqual([
      { kind: 'same', text: "RootWebArea 'Cart'" },
      { kind: 'same', text: "\t[87] link 'Home'" },
      { kind: 'removed', text: "\t[41] StaticText '1 item'" },
      { kind: 'added', text: "\t[88] StaticText '2 items'" },
      { kind: 'same', text: "\t[89] button 'Checkout'" },
    ]);
    expect(withoutElementIds("[12] textbox 'Qty [2]' [x]")).toBe("[] textbox 'Qty []' [x]");
  });
});
