import { describe, expect, it } from 'vitest';
import { withoutTrailingUndefined } from '../../../renderer/src/api/websocket-client';

// JSON writes an undefined array element as null; the web client leaves trailing undefined arguments out
// so an omitted optional argument stays omitted (test/e2e/optional-arguments.spec.ts shows it in the app).
describe('withoutTrailingUndefined', () => {
  it('drops only the undefined arguments at the end', () => {
    expect(withoutTrailingUndefined(['autorater', 'text', undefined])).toEqual(['autorater', 'text']);
    expect(withoutTrailingUndefined(['a', undefined, undefined])).toEqual(['a']);
    expect(withoutTrailingUndefined([undefined])).toEqual([]);
    expect(withoutTrailingUndefined([])).toEqual([]);
  });

  it('keeps null, falsy values and an undefined before a defined argument', () => {
    expect(withoutTrailingUndefined(['a', null])).toEqual(['a', null]);
    expect(withoutTrailingUndefined([0, '', false])).toEqual([0, '', false]);
    expect(JSON.stringify(withoutTrailingUndefined(['a', undefined, 'c']))).toBe('["a",null,"c"]');
  });
});
