import { describe, expect, it } from 'vitest';
import { TextCache } from '../../../renderer/src/features/replay/text-cache';

// The replay's text cache (observations, prompts, replies) holds at most a budget of characters, the least
// recently used out first (renderer/src/features/replay/text-cache.ts).
describe('TextCache', () => {
  it('keeps texts until the budget is passed, then drops the least recently used', () => {
    const cache = new TextCache(10);
    cache.set('a', 'aaaa'); // 4
    cache.set('b', 'bbb'); // 7
    expect(cache.get('a')).toBe('aaaa'); // a is now the most recent: b is the oldest
    cache.set('c', 'cccc'); // 11 > 10: b goes
    expect(cache.has('b')).toBe(false);
    expect([cache.get('a'), cache.get('c')]).toEqual(['aaaa', 'cccc']);
    expect(cache.totalChars).toBe(8);
    cache.set('d', 'dddddd'); // 14: a (oldest after c was read last) goes, then 10 fits
    expect(cache.has('a')).toBe(false);
    expect(cache.size).toBe(2);
    expect(cache.totalChars).toBe(10);
  });

  it('replaces a text under the same hash without counting it twice', () => {
    const cache = new TextCache(10);
    cache.set('a', 'aaaa');
    cache.set('a', 'aaaaaa');
    expect(cache.totalChars).toBe(6);
    expect(cache.get('a')).toBe('aaaaaa');
  });

  it('does not keep a text larger than the whole budget, and keeps the others', () => {
    const cache = new TextCache(5);
    cache.set('a', 'aa');
    cache.set('big', 'x'.repeat(6));
    expect(cache.has('big')).toBe(false);
    expect(cache.get('a')).toBe('aa');
    expect(cache.get('missing')).toBeUndefined();
  });
});
