// Machine-checkable milestone predicates (docs/design/SANDBOX.md §3.3): the offline half of the AutoRater. A
// reference subgoal with a predicate is judged by checking the live page or the site state, no LLM needed.
import type { Page } from 'playwright';
import type { SubgoalPredicate } from '../sandbox/types';
import { boundedRegexTest } from './bounded-regex';

export interface PredicateContext {
  /** The active page after the step's action. */
  page: Page;
  /** The episode's site-state check (sandbox only); absent where the site state cannot be read. */
  checkState?(check: string, args: Record<string, unknown>): boolean;
}

export interface PredicateResult {
  holds: boolean;
  /** What was looked at, for the verdict's evidence. */
  evidence: string;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export async function checkPredicate(predicate: SubgoalPredicate, ctx: PredicateContext): Promise<PredicateResult> {
  switch (predicate.kind) {
    case 'url_matches':
      return urlMatches(predicate.pattern, ctx.page.url());
    case 'text_present': {
      const text = collapse(await ctx.page.evaluate(() => document.body?.innerText ?? ''));
      const holds = text.includes(collapse(predicate.text));
      return { holds, evidence: `"${predicate.text}" ${holds ? 'is' : 'is not'} on the page` };
    }
    case 'element_state': {
      const { query, prop, value } = predicate;
      const base = query.role ? ctx.page.getByRole(query.role as Parameters<Page['getByRole']>[0], query.name !== undefined ? { name: query.name, exact: true } : query.nameContains !== undefined ? { name: query.nameContains } : {}) : ctx.page.locator('body');
      const target = base.nth(query.nth ?? 0);
      if ((await target.count()) === 0) return { holds: false, evidence: `no element ${JSON.stringify(query)}` };
      // A select's "value" is the label of the chosen option, as the accessibility tree shows it.
      const actual = await target.evaluate((el, p) => {
        if (p === 'value' && el instanceof HTMLSelectElement) return el.selectedOptions[0]?.label ?? '';
        return String((el as unknown as Record<string, unknown>)[p] ?? el.getAttribute(p) ?? '');
      }, prop);
      const holds = actual === value;
      return { holds, evidence: `${prop} of ${JSON.stringify(query)} is "${actual}" (want "${value}")` };
    }
    case 'site_state': {
      if (!ctx.checkState) return { holds: false, evidence: `site state ${predicate.check} cannot be read in this environment` };
      const holds = ctx.checkState(predicate.check, predicate.args);
      return { holds, evidence: `site state ${predicate.check}(${JSON.stringify(predicate.args)}) is ${holds}` };
    }
  }
}

/** A url_matches verdict. The pattern is user input, so it runs with a time limit (./bounded-regex.ts); every
 * way it can fail ends as "not met" with the reason in the evidence, which the replay's verdicts show. */
export function urlMatches(pattern: string, url: string): PredicateResult {
  const result = boundedRegexTest(pattern, url);
  switch (result.kind) {
    case 'match':
    case 'no-match': {
      const holds = result.kind === 'match';
      return { holds, evidence: `URL ${url} ${holds ? 'matches' : 'does not match'} /${pattern}/` };
    }
    case 'timeout':
      return { holds: false, evidence: `URL pattern /${pattern}/ was stopped after ${result.limitMs} ms on ${url} (catastrophic backtracking), so the milestone is judged not met; rewrite it without nested or overlapping repetition such as (a+)+ or (.|.)*` };
    case 'invalid':
      return { holds: false, evidence: `URL pattern /${pattern}/ cannot be used (${result.message}), so the milestone is judged not met` };
    case 'too-long':
      return { holds: false, evidence: `URL is ${result.length} characters, longer than the ${result.max} that URL patterns are checked on, so the milestone is judged not met` };
  }
}
