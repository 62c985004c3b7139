import { describe, expect, it } from 'vitest';
import { escapeHtml, html, queryString, raw } from '../../../main/sandbox/html';
import { hashSeed, mulberry32, randInt, rngFor, sample, shuffle } from '../../../main/random/seeded-random';

describe('random', () => {
  it('mulberry32 is deterministic per seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('hashSeed separates parts and rngFor gives independent streams', () => {
    expect(hashSeed('a', 'bc')).not.toBe(hashSeed('ab', 'c'));
    expect(hashSeed('x', 1)).toBe(hashSeed('x', 1));
    expect(rngFor('f', 1, 0)()).not.toBe(rngFor('f', 1, 1)());
  });

  it('randInt, shuffle and sample stay in range and keep the items', () => {
    const rng = mulberry32(7);
    for (let i = 0; i < 200; i++) {
      const n = randInt(rng, 3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
    const items = [1, 2, 3, 4, 5, 6];
    expect(shuffle(rng, items).sort()).toEqual(items);
    const picked = sample(rng, items, 3);
    expect(new Set(picked).size).toBe(3);
  });
});

describe('html', () => {
  it('escapes interpolated text but keeps SafeHtml and joins lists', () => {
    const name = `<script>alert("x")</script> & 'q'`;
    const out = html`<p title="${name}">${name}${raw('<b>ok</b>')}${['<i>', html`<u>u</u>`]}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;<b>ok</b>&lt;i&gt;<u>u</u></p>',
    );
    expect(escapeHtml('a&b')).toBe('a&amp;b');
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });

  it('builds query strings without empty values', () => {
    expect(queryString({ q: 'red shoes', sort: undefined, page: 2, x: '' })).toBe('?q=red+shoes&page=2');
    expect(queryString({})).toBe('');
  });
});
