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
    expect(() => parsePythonCall('__import__("os").system("rm -rf /")')).toThrow(/Expected a call like name\(\.\.\.\)/);
    expect(() => parsePythonCall('click("1") extra')).toThrow(/not a valid Python expression: unexpected "extra"/);
    expect(() => parsePythonCall('click(x)')).toThrow(/not a Python literal \(the name x\)/);
    expect(() => parsePythonCall('click(True)')).toThrow('Arguments must be strings or numbers (argument 1 of click() is a bool value).');
    expect(() => parsePythonCall('click("1"')).toThrow(/"\)" was never closed/);
    expect(() => parsePythonCall('click("1)')).toThrow(/unterminated string literal/);
    expect(() => parsePythonCall('do(action="Click", "7")')).toThrow(/positional argument follows keyword argument/);
    expect(() => parsePythonCall('f(a=1, a=2)')).toThrow('f() repeats the keyword argument a.');
    expect(() => parsePythonCall('f(*x)')).toThrow('f() cannot unpack arguments with *.');
    expect(() => parsePythonCall('just words')).toThrow(/not a valid Python expression/);
  });

  // One Python reader serves both grammars (python-expression.ts): what Python's literal_eval makes of a
  // literal is what the call's arguments hold.
  it('reads escapes, numbers and comments as Python does', () => {
    expect(parsePythonCall('send_msg_to_user("caf\\xe9 \\u00e9 \\q")').positional).toEqual(['café é \\q']);
    expect(parsePythonCall('f(-0x10, 1e3, +2.5, 1_000)').positional).toEqual([-16, 1000, 2.5, 1000]);
    expect(parsePythonCall('click("12")  # the cart link')).toEqual({ name: 'click', positional: ['12'], keyword: {} });
    expect(parsePythonCall("fill('3', 'red' ' shoes')").positional).toEqual(['3', 'red shoes']);
  });

  it('writes strings that read back unchanged', () => {
    const tricky = 'a "quoted" \\ back\nslash\r\tand \'single\'';
    expect(parsePythonCall(`f(${pythonString(tricky)})`).positional[0]).toBe(tricky);
  });
});
