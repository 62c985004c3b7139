import { describe, expect, it } from 'vitest';
import { diffLines } from '../../renderer/src/features/replay/text-diff';

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
});
