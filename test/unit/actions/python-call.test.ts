import { describe, expect, it } from 'vitest';
import { parsePythonCall, pythonString } from '../../../main/actions/python-call';

describe('parsePythonCall (no eval)', () => {
  it('reads positional and keyword strings and numbers with escapes', () => {
    expect(parsePythonCall(`do(action="Type", argument='it\\'s "x"', element="22")`)).toEqual({
      name: 'do', positional: [], keyword: { action: 'Type', argument: `it's "x"`, element: '22' },
    });
    expect(parsePythonCall('scroll(0, -200.5)')).toEqual({ name: 'scroll', positional: [0, -200.5], keyword: {} });
    expect(parsePythonCall('noop()')).toEqual({ name: 'noop', positional: [], keyword: {} });
    expect(parsePythonCall('fill("3", """multi\nline""")').positional).toEqual(['3', 'multi\nline']);
  });

  it('rejects anything that is not a plain call of literals', () => {
    expect(() => parsePythonCall('__import__("os").system("rm -rf /")')).toThrow(/Unexpected text after the call/);
    expect(() => parsePythonCall('click(x)')).toThrow(/must be strings or numbers/);
    expect(() => parsePythonCall('click("1"')).toThrow(/Unclosed call|Expected/);
    expect(() => parsePythonCall('click("1)')).toThrow(/Unterminated string/);
    expect(() => parsePythonCall('do(action="Click", "7")')).toThrow(/positional argument follows a keyword/);
    expect(() => parsePythonCall('just words')).toThrow(/Expected a call/);
  });

  it('writes strings that read back unchanged', () => {
    const tricky = 'a "quoted" \\ back\nslash';
    expect(parsePythonCall(`f(${pythonString(tricky)})`).positional[0]).toBe(tricky);
  });
});
