import { describe, expect, it } from 'vitest';
import { keyForPlatform, matchingOptionIndex } from '../../../main/actions/execution-style';

describe('keyForPlatform (WebArena execute_key_press)', () => {
  it('reads Meta as Control off macOS, only where the grammar asks', () => {
    expect(keyForPlatform('Meta+a', true, 'linux')).toBe('Control+a');
    expect(keyForPlatform('Shift+Meta+ArrowLeft', true, 'win32')).toBe('Shift+Control+ArrowLeft');
    expect(keyForPlatform('Meta+a', true, 'darwin')).toBe('Meta+a');
    expect(keyForPlatform('Meta+a', false, 'linux')).toBe('Meta+a');
  });

  it('leaves keys that only contain the word alone (Playwright resolves ControlOrMeta itself)', () => {
    expect(keyForPlatform('ControlOrMeta+a', true, 'linux')).toBe('ControlOrMeta+a');
    expect(keyForPlatform('MetaLeft', true, 'linux')).toBe('MetaLeft');
  });
});

describe('matchingOptionIndex (WebRL Select Dropdown Option)', () => {
  const options = ['  Choose one\n', 'Dark Blue', 'Light blue', 'Red'];

  it('takes the first option whose trimmed text contains the argument, ignoring case', () => {
    expect(matchingOptionIndex(options, 'BLUE')).toBe(1);
    expect(matchingOptionIndex(options, 'light')).toBe(2);
    expect(matchingOptionIndex(options, 'choose one')).toBe(0);
    // An empty argument is contained in every text: the first option, as in the reference.
    expect(matchingOptionIndex(options, '')).toBe(0);
  });

  it('answers -1 when no option contains it', () => {
    expect(matchingOptionIndex(options, 'green')).toBe(-1);
    expect(matchingOptionIndex([], 'x')).toBe(-1);
  });
});
