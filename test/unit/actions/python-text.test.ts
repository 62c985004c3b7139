import { describe, expect, it } from 'vitest';
import { pyDigitsValue, pyFirstWord, pyStrip } from '../../../main/actions/python-text';

describe("Python's string rules", () => {
  it('strips what str.strip() strips, not what String.trim() strips', () => {
    // U+0085 and U+001C are Python whitespace but not JavaScript's; U+FEFF is JavaScript's but not Python's.
    expect(pyStrip('\x85\x1c click [3]\u3000\n')).toBe('click [3]');
    expect(pyStrip('\ufeffclick [3]')).toBe('\ufeffclick [3]');
  });

  it('takes the first word as str.split()[0] does', () => {
    expect(pyFirstWord('  new_tab\x1cnow')).toBe('new_tab');
    expect(pyFirstWord(' \t ')).toBeUndefined();
  });

  it("reads Unicode digits as int() does", () => {
    // Arabic-Indic ٣ is U+0663, 3 past ٠ (U+0660): "٣٤" is 34. Mathematical double-struck 𝟙𝟘 (U+1D7D9, U+1D7D8)
    // sit in the run of fifty mathematical digits from U+1D7CE: 11 and 10 past its start, so 1 and 0: 10.
    expect(pyDigitsValue('٣٤')).toBe(34);
    expect(pyDigitsValue('𝟙𝟘')).toBe(10);
    expect(pyDigitsValue('007')).toBe(7);
  });
});
