// program_html: read text from pages after the episode and match it (WEBARENA.md "Scoring"; original
// HTMLContentExactEvaluator). Per target: resolve the url ("last" = stay on the current page, a URL, or a
// func: helper), navigate, run prep_actions, evaluate the locator, then match required_contents.
import type { EvaluationCheck } from '../api/types';
import type { ProgramHtmlTarget, WebArenaEval } from '../tasks/webarena-config';
import { callHelper, parseFuncCall, type HelperEnv } from './func-call';
import { judgedCheck, type FuzzyJudge } from './fuzzy';
import { htmlUnescape } from './html-unescape';
import type { PageLike } from './page-like';
import { resolveDeep } from './resolve-placeholders';
import type { ScoringProfile } from './profiles';
import type { ShoppingAdminCredentials } from './shopping-api';
import { requiredValuesChecks } from './string-match';
import { cleanAnswer, exactMatch, mustInclude, preview, pythonStr, splitOr, tokenModeFor } from './text-rules';

export interface ProgramHtmlInput {
  evalConfig: WebArenaEval;
  intent: string;
  profile: ScoringProfile;
  /** Applied to each target's strings before it is read, and to helper base URLs. */
  placeholders: (s: string) => string;
  page?: PageLike;
  llm?: FuzzyJudge;
  /** Pause after each navigation; the original sleeps 3 s so client-side rendering can finish. */
  settleMs: number;
  shoppingAdmin?: ShoppingAdminCredentials;
  fetchImpl?: typeof fetch;
}

type Check = EvaluationCheck;
const check = (rule: string, expected: string, actual: string, passed: boolean, note?: string): Check => ({
  kind: 'program_html', rule, expected, actual: preview(actual), passed, score: passed ? 1 : 0, ...(note ? { note } : {}),
});
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Wraps a JS expression so a throw comes back as data: the original turns a failing locator into "". */
export function wrapExpression(expression: string): string {
  return `(async () => { try { return { ok: true, value: await (${expression}\n) }; } ` +
    `catch (e) { return { ok: false, error: String(e && e.message ? e.message : e) }; } })()`;
}

async function evaluateSafely(page: PageLike, expression: string): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  try {
    const r = await page.evaluate<{ ok: boolean; value?: unknown; error?: string }>(wrapExpression(expression));
    return r && r.ok ? { ok: true, value: r.value } : { ok: false, error: r?.error ?? 'no result' };
  } catch (err) {
    return { ok: false, error: message(err) }; // e.g. a syntax error in the expression
  }
}

export async function programHtmlChecks(input: ProgramHtmlInput): Promise<Check[]> {
  const targets = input.evalConfig.program_html;
  if (!Array.isArray(targets) || targets.length === 0) {
    return [check('program_html', '(targets)', '', false, 'program_html is listed but eval.program_html has no targets')];
  }
  const checks: Check[] = [];
  for (let i = 0; i < targets.length; i++) {
    const label = `program_html[${i}]`;
    try {
      checks.push(...(await targetChecks(resolveDeep(targets[i], input.placeholders), label, input)));
    } catch (err) {
      const t = targets[i] as Partial<ProgramHtmlTarget>;
      checks.push(check(label, JSON.stringify(t?.required_contents ?? null), '', false, `could not read the page: ${message(err)}`));
    }
  }
  return checks;
}

async function targetChecks(target: ProgramHtmlTarget, label: string, input: ProgramHtmlInput): Promise<Check[]> {
  const { page, profile } = input;
  if (!page) throw new Error('program_html needs a browser page and none was given');
  const env: HelperEnv = { page, placeholders: input.placeholders, shoppingAdmin: input.shoppingAdmin, fetchImpl: input.fetchImpl };
  const notes: string[] = [];

  // 1. Which page: "last" stays; func: helpers compute a URL (__last_url__ = the page's current URL).
  let url = String(target.url);
  if (url.startsWith('func')) {
    const call = parseFuncCall(url.replace(/^func:/, ''));
    const current = page.url();
    call.args = call.args.map((a) => (a.kind === 'string' ? { ...a, value: a.value.replaceAll('__last_url__', current) } : a));
    const { value, how } = await callHelper(call, env);
    notes.push(`url ${url} → ${value} (${how})`);
    url = value;
  }
  if (url === 'last') notes.push(`url "last": the page as the agent left it (${page.url()})`);
  else {
    await page.goto(url);
    if (input.settleMs > 0) await new Promise((r) => setTimeout(r, input.settleMs));
    if (!notes.length) notes.push(`navigated to ${url}`);
  }

  // 2. What text: the whole page, a JS expression (after prep_actions), or a func: helper.
  const locator = String(target.locator ?? '');
  let text: string;
  if (locator.trim() === '') {
    text = await page.content();
    notes.push('locator "": whole page HTML');
  } else if (locator.startsWith('document.') || locator.startsWith('[...document.')) {
    for (const [k, prep] of (target.prep_actions ?? []).entries()) {
      const r = await evaluateSafely(page, String(prep));
      // The original stops running prep actions at the first that throws, and carries on.
      if (!r.ok) { notes.push(`prep_actions[${k}] threw (${r.error}); the rest were skipped`); break; }
    }
    const r = await evaluateSafely(page, locator);
    if (r.ok) text = pythonStr(r.value);
    else { text = ''; notes.push(`locator threw (${r.error}); read as ""`); }
  } else if (locator.startsWith('func:')) {
    const { value, how } = await callHelper(parseFuncCall(locator.slice('func:'.length)), env);
    text = value;
    notes.push(`locator ${locator}: ${how}`);
  } else {
    throw new Error(`unknown locator "${locator}": expected "", document.…, [...document.… or func:…`);
  }
  if (profile.unescapeHtml) text = htmlUnescape(text);
  return requiredChecks(target, label, text, notes.join('; '), input);
}

// The original reads the first key present, in this order; any other key is ignored.
const ORDER = ['exact_match', 'must_include', 'must_exclude', 'required_values', 'fuzzy_match'] as const;

async function requiredChecks(target: ProgramHtmlTarget, label: string, text: string, where: string, input: ProgramHtmlInput): Promise<Check[]> {
  const { profile } = input;
  const contents = (target.required_contents ?? {}) as Record<string, unknown>;
  const key = ORDER.find((k) => k in contents);
  const ignored = Object.keys(contents).filter((k) => k !== key);
  const note = [where, ignored.length ? `ignored keys: ${ignored.join(', ')}` : ''].filter(Boolean).join('; ');
  const cleaned = cleanAnswer(text, profile);
  if (!key) return [check(label, JSON.stringify(contents), text, false, `${note}; required_contents has no known key (${ORDER.join(', ')})`)];
  const value = contents[key];
  const list = Array.isArray(value) ? value.map(String) : null;
  if ((key === 'must_exclude' || key === 'required_values') && !profile.extendedRules) {
    return [check(`${label} ${key}`, JSON.stringify(value), cleaned, false,
      `${note}; ${key} is a VisualAgentBench addition, not an original WebArena rule; use the vab-lite profile`)];
  }
  if (key !== 'exact_match' && !list) return [check(`${label} ${key}`, String(value), cleaned, false, `${note}; ${key} must be a list`)];
  switch (key) {
    case 'exact_match':
      return [check(`${label} exact_match (cleaned strings equal)`, String(value), cleaned, exactMatch(String(value), text, profile), note)];
    case 'must_include':
      return list!.map((item) => {
        const alts = splitOr(item);
        const modes = alts.map((alt) => tokenModeFor(alt, profile, { soleItem: false, inPage: true }));
        const passed = alts.some((alt, j) => mustInclude(alt, text, modes[j], profile));
        return check(`${label} must_include (${[...new Set(modes)].join(' / ')}${alts.length > 1 ? ', any alternative' : ''})`, item, cleaned, passed, note);
      });
    case 'must_exclude':
      return list!.map((item) => {
        const mode = tokenModeFor(item, profile, { soleItem: false, inPage: true });
        return check(`${label} must_exclude (${mode})`, item, cleaned, !mustInclude(item, text, mode, profile), note);
      });
    case 'required_values':
      return requiredValuesChecks(list!, text, 'program_html', note).map((c) => ({ ...c, rule: `${label} ${c.rule}`, actual: preview(c.actual) }));
    default:
      return fuzzyChecks(list!, label, text, note, input);
  }
}

async function fuzzyChecks(refs: string[], label: string, text: string, note: string, input: ProgramHtmlInput): Promise<Check[]> {
  const joined = input.profile.fuzzyReferences === 'joined';
  const references = joined ? [refs.join(', ')] : refs;
  const rule = `${label} fuzzy_match (LLM, ${joined ? 'one call, references joined' : 'per reference'})`;
  const extra = joined ? note : `${note}; the original WebArena has no fuzzy_match in program_html: judged per reference as its string rule does`;
  const out: Check[] = [];
  for (const reference of references) {
    if (text.length === 0) out.push(check(rule, reference, text, false, `${extra}; empty text; no judge call`));
    else out.push(await judgedCheck({ kind: 'program_html', rule, expected: reference, actual: preview(text) },
      { question: input.intent, reference, answer: text, mode: 'fuzzy_match' }, input.llm, extra));
  }
  return out;
}
