import { describe, expect, it } from 'vitest';
import { parseWebRlAction, renderWebRlAction, webRlCallSource } from '../../../main/actions/webrl-grammar';
import { WEBRL_CASES } from './webrl-fidelity.cases';

describe('WebRL grammar fidelity', () => {
  describe('accepts and refuses the same replies as THUDM/VisualAgentBench, with the same action', () => {
    for (const { reply, expected, ref } of WEBRL_CASES) {
      it(`${JSON.stringify(reply)} (${ref})`, () => {
        if (expected instanceof RegExp) {
          expect(() => parseWebRlAction(reply)).toThrow(expected);
          return;
        }
        const { execution: _execution, ...action } = parseWebRlAction(reply);
        expect(action).toEqual(expected);
      });
    }
  });

  it('cuts the reply where the reference does (remove_comments)', () => {
    expect(webRlCallSource('Thought.\ndo(action="Click", element="7")  ')).toBe('do(action="Click", element="7")');
    expect(webRlCallSource('do(action="Go Back") then exit(message="x")')).toBe('exit(message="x")');
    expect(webRlCallSource('# a\n  # b\nx = 1')).toBe('x = 1');
    expect(webRlCallSource('# only comments')).toBe('');
  });

  it('has no Wait to write a noop with, and presses Enter on the page', () => {
    expect(() => renderWebRlAction({ type: 'noop' })).toThrow("WebRL's action space has no noop.");
    expect(renderWebRlAction({ type: 'press', key: 'Enter', elementId: '4' })).toBe('do(action="Press Enter")');
  });

  it('reads what it renders, quotes and line breaks included, and will not write what it cannot read', () => {
    const stop = { type: 'stop' as const, text: 'He said "hi"\nthen \\ left' };
    expect(parseWebRlAction(renderWebRlAction(stop))).toEqual(stop);
    expect(() => renderWebRlAction({ type: 'type', elementId: '3', text: 'to do(list)', pressEnter: false })).toThrow(`WebRL's parser cannot read an argument that contains "do(" or "exit(": do(action="Type", argument="to do(list)", element="3")`);
  });

  it('refuses Python it does not read, which literal_eval would refuse too', () => {
    expect(() => parseWebRlAction('do(action="Scroll Down", x=lambda: 1)')).toThrow('"lambda" is not supported in an action');
    expect(() => parseWebRlAction('do(action="Scroll Down", x=[i for i in y])')).toThrow('comprehensions are not supported in an action');
  });
});
