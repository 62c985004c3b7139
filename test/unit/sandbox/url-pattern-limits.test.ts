// A url_matches pattern is user input judged every step on the core process (security audit: ^(.|.)*X$ took
// 10.8 s per check and froze the host). These check by outcome that a hostile pattern is stopped and recorded
// as "not met" with its reason, and that ordinary patterns are judged as before. Without the time limit the
// first test never returns: 2^40 ways to split the URL.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../../main/browser/session';
import type { SubgoalPredicate } from '../../../main/sandbox/types';
import { boundedRegexTest, MATCH_LIMIT_MS, MAX_MATCH_INPUT } from '../../../main/subgoals/bounded-regex';
import { predicateMonitor, type MonitorInput } from '../../../main/subgoals/monitor';
import { checkPredicate } from '../../../main/subgoals/predicates';

const HOSTILE = '^(.|.)*X$';
const pageAt = (url: string) => ({ url: () => url }) as unknown as Page;
const urlMatches = (pattern: string, url: string) => checkPredicate({ kind: 'url_matches', pattern }, { page: pageAt(url) });

describe('url_matches with a catastrophic pattern', () => {
  it('is stopped and judged not met, with the reason in the evidence', async () => {
    const url = 'a'.repeat(40);
    const result = await urlMatches(HOSTILE, url);
    expect(result.holds).toBe(false);
    expect(result.evidence).toContain(`/${HOSTILE}/ was stopped after ${MATCH_LIMIT_MS} ms on ${url}`);
    expect(result.evidence).toContain('judged not met');
  });

  it('leaves the matcher usable: ordinary patterns after a stopped one are judged as before', async () => {
    expect(boundedRegexTest(HOSTILE, 'b'.repeat(40))).toEqual({ kind: 'timeout', limitMs: MATCH_LIMIT_MS });
    expect((await urlMatches('/shop/cart([?#]|$)', 'http://localhost:4100/shop/cart?x=1')).holds).toBe(true);
    // The hostile pattern still matches what it matches quickly.
    expect(boundedRegexTest(HOSTILE, 'abX')).toEqual({ kind: 'match' });
  });

  it('is recorded as a predicate verdict "not done" by the monitor, and the episode goes on', async () => {
    const subgoals: { text: string; predicate: SubgoalPredicate }[] = [
      { text: 'open the cart', predicate: { kind: 'url_matches', pattern: '/cart' } },
      { text: 'hostile', predicate: { kind: 'url_matches', pattern: HOSTILE } },
    ];
    const monitor = predicateMonitor(subgoals);
    const input = { t: 0, session: { page: pageAt(`http://localhost/cart/${'a'.repeat(40)}`) } as unknown as BrowserSession } as MonitorInput;
    const { progress, verdicts } = await monitor.afterAction(input);
    expect(progress).toEqual([1, 0]);
    expect(verdicts.map((v) => [v.index, v.done, v.judge])).toEqual([[0, true, 'predicate'], [1, false, 'predicate']]);
    expect(verdicts[1].evidence).toContain('catastrophic backtracking');
  });
});

describe('url_matches outcomes', () => {
  it('judges ordinary patterns as before', async () => {
    expect(await urlMatches('[?&]rating=3(&|#|$)', 'http://h/shop?rating=3')).toEqual({ holds: true, evidence: 'URL http://h/shop?rating=3 matches /[?&]rating=3(&|#|$)/' });
    expect(await urlMatches('[?&]rating=3(&|#|$)', 'http://h/shop?rating=30')).toEqual({ holds: false, evidence: 'URL http://h/shop?rating=30 does not match /[?&]rating=3(&|#|$)/' });
  });

  it('judges an invalid pattern (a set stored before save checks) not met instead of failing the step', async () => {
    const result = await urlMatches('/cart(', 'http://h/cart');
    expect(result.holds).toBe(false);
    expect(result.evidence).toMatch(/^URL pattern \/\/cart\(\/ cannot be used \(Invalid regular expression.*\), so the milestone is judged not met$/);
  });

  it('judges a URL over the length cap not met and says why', async () => {
    const url = `http://h/cart?q=${'x'.repeat(MAX_MATCH_INPUT)}`;
    const result = await urlMatches('/cart', url);
    expect(result).toEqual({ holds: false, evidence: `URL is ${url.length} characters, longer than the ${MAX_MATCH_INPUT} that URL patterns are checked on, so the milestone is judged not met` });
    expect((await urlMatches('/cart', url.slice(0, MAX_MATCH_INPUT))).holds).toBe(true);
  });
});
