// program_html: read text from pages after the episode and match it (docs/design/WEBARENA.md §2.4; original
// HTMLContentExactEvaluator). Per target: resolve the url ("last" = stay on the current page, a URL, or a
// func: helper), navigate, run prep_actions, evaluate the locator, then match required_contents. Where the
// original raises (a key or locator its profile does not know) scoring stops with an UnscorableConfigError.
import { pyStrip } from '../actions/python-text';
import type { EvaluationCheck } from '../api/types';
import { isWebPageUrl } from '../browser/web-page-url';
import { OR_SEPARATOR, type ProgramHtmlTarget, type WebArenaEval } from '../tasks/webarena-config';
import { callHelper, parseFuncCall, type HelperEnv } from './func-call';
import { judgedCheck, type FuzzyJudge } from './fuzzy';
import { htmlUnescape } from './html-unescape';
import type { PageLike } from './page-like';
import { resolveDeep } from './resolve-placeholders';
import type { ScoringProfile } from './profiles';
import type { ShoppingAdminCredentials } from './shopping-api';
import { requiredValuesChecks } from './string-match';
import { cleanAnswer, exactMatch, mustInclude, preview, pythonStr, splitOr, tokenModeFor } from './text-rules';
import { UnscorableConfigError } from './unscorable';

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

async function evaluateSafely(page: PageLike, expression: string, wrap = wrapExpression): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  try {
    const r = await page.evaluate<{ ok: boolean; value?: unknown; error?: string }>(wrap(expression));
    return r && r.ok ? { ok: true, value: r.value } : { ok: false, error: r?.error ?? 'no result' };
  } catch (err) {
    return { ok: false, error: message(err) }; // e.g. a syntax error in the expression
  }
}

/** VAB's `lambda:` locator: Python's `lstrip("lambda:")` strips any leading run of the characters
 * l, a, m, b, d and ":" — so "lambda:document.title" becomes "ocument.title" — and the rest is evaluated as
 * written; a function result is called, as Playwright does with an expression that yields one. */
export function stripLambdaPrefix(locator: string): string {
  return locator.replace(/^[lambd:]+/, '');
}

export function wrapLambdaExpression(expression: string): string {
  return `(async () => { try { let v = (${expression}\n); if (typeof v === 'function') v = v(); return { ok: true, value: await v }; } ` +
    `catch (e) { return { ok: false, error: String(e && e.message ? e.message : e) }; } })()`;
}

/** Python's truthiness of a value that came back from the page (None, False, 0, "", [] and {} are falsy). */
function pythonFalsy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}

/** What a locator selected: text, or a non-string value (a `lambda:` result) that only some rules accept. */
type Selected = { text: string; value?: unknown };

export async function programHtmlChecks(input: ProgramHtmlInput): Promise<Check[]> {
  const targets = input.evalConfig.program_html;
  if (!Array.isArray(targets) || targets.length === 0) {
    return [check('program_html', '(targets)', '', false, 'program_html is listed but eval.program_html has no targets')];
  }
  const checks: Check[] = [];
  for (let i = 0; i < targets.length; i++) {
    const label = `program_html[${i}]`;
    try {
      const result = await targetChecks(resolveDeep(targets[i], input.placeholders), label, input);
      checks.push(...result.checks);
      if (result.none) {
        // VAB: a None selection sets the score to 0 and stops; later targets (and their judge calls) are not run.
        const skipped = targets.length - i - 1;
        if (skipped > 0) checks.push(check(`program_html[${i + 1}…${targets.length - 1}]`, '(not evaluated)', '', true, `${skipped} later target(s) skipped after ${label}'s None selection, as VAB does`));
        break;
      }
    } catch (err) {
      if (err instanceof UnscorableConfigError) throw err;
      const t = targets[i] as Partial<ProgramHtmlTarget>;
      checks.push(check(label, JSON.stringify(t?.required_contents ?? null), '', false, `could not read the page: ${message(err)}`));
    }
  }
  return checks;
}

async function targetChecks(target: ProgramHtmlTarget, label: string, input: ProgramHtmlInput): Promise<{ checks: Check[]; none?: boolean }> {
  const { page, profile } = input;
  const locator = String(target.locator ?? '');
  const lambda = locator.startsWith('lambda:');
  if (!(pyStrip(locator) === '' || isJsLocator(locator) || locator.startsWith('func:') || (lambda && profile.lambdaLocators))) {
    const known = `"", document.…, [...document.…${profile.lambdaLocators ? ', lambda:…' : ''} or func:…`;
    throw new UnscorableConfigError(`${label}: unknown locator "${locator}" for the ${profile.name} profile (expected ${known}; the original raises)`);
  }
  const key = requiredKey(target, label, profile);
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
    // The URL is the task file's or a link a helper read off a page: web pages only, as goto (actions/executor.ts).
    // file:// would open the user's files to prep_actions (task JavaScript) and to the stored evaluation.
    if (!isWebPageUrl(url)) throw new Error(`program_html opens web pages only (http or https), not "${url.slice(0, 80)}".`);
    await page.goto(url);
    if (input.settleMs > 0) await new Promise((r) => setTimeout(r, input.settleMs));
    if (!notes.length) notes.push(`navigated to ${url}`);
  }

  // 2. What text: the whole page, a JS expression (after prep_actions), a lambda: expression, or a func: helper.
  let selected: Selected;
  if (pyStrip(locator) === '') {
    selected = { text: await page.content() };
    notes.push('locator "": whole page HTML');
  } else if (isJsLocator(locator)) {
    for (const [k, prep] of (target.prep_actions ?? []).entries()) {
      const r = await evaluateSafely(page, String(prep));
      // The original stops running prep actions at the first that throws, and carries on.
      if (!r.ok) { notes.push(`prep_actions[${k}] threw (${r.error}); the rest were skipped`); break; }
    }
    const r = await evaluateSafely(page, locator);
    if (r.ok) selected = { text: pythonStr(r.value) };
    else { selected = { text: '' }; notes.push(`locator threw (${r.error}); read as ""`); }
  } else if (lambda) {
    const expression = stripLambdaPrefix(locator);
    const r = await evaluateSafely(page, expression, wrapLambdaExpression);
    notes.push(`locator lambda: evaluated as ${JSON.stringify(expression)} (Python's lstrip("lambda:"))`);
    if (!r.ok || pythonFalsy(r.value)) {
      const why = r.ok ? `gave ${JSON.stringify(r.value ?? null)}, which is falsy` : `threw (${r.error})`;
      return { none: true, checks: [check(`${label} ${key}`, JSON.stringify(target.required_contents?.[key] ?? null), '', false,
        `${notes.join('; ')}; the locator ${why}: None, so program_html scores 0 (VAB)`)] };
    }
    selected = typeof r.value === 'string' ? { text: r.value } : { text: pythonStr(r.value), value: r.value };
  } else {
    const { value, how } = await callHelper(parseFuncCall(locator.slice('func:'.length)), env);
    selected = { text: value };
    notes.push(`locator ${locator}: ${how}`);
  }
  if (profile.unescapeHtml) selected.text = htmlUnescape(selected.text);
  return { checks: await requiredChecks(target, key, label, selected, notes.join('; '), input) };
}

const isJsLocator = (locator: string) => locator.startsWith('document.') || locator.startsWith('[...document.');

/** The required_contents key that decides the target: the first of the profile's keys that is present
 * (webarena: exact_match, must_include; VAB adds must_exclude, required_values, fuzzy_match). Any other
 * present key is ignored, as the originals ignore it; with none of them the originals raise, and so do we. */
function requiredKey(target: ProgramHtmlTarget, label: string, profile: ScoringProfile): RequiredKey {
  const contents = (target.required_contents ?? {}) as Record<string, unknown>;
  const order = profile.extendedRules ? PAGE_KEYS : PAGE_KEYS.slice(0, 2);
  const key = order.find((k) => k in contents);
  if (key) return key;
  const present = Object.keys(contents);
  const vabOnly = present.filter((k) => PAGE_KEYS.includes(k as RequiredKey));
  const hint = vabOnly.length ? `; ${vabOnly.join(', ')} ${vabOnly.length > 1 ? 'are' : 'is'} understood by the vab-lite profile` : '';
  throw new UnscorableConfigError(`${label}: required_contents has ${present.length ? present.join(', ') : 'no keys'}, none of which the ${profile.name} page check knows (${order.join(', ')}); the original raises${hint}`);
}

// The originals read the first key present, in this order.
const PAGE_KEYS = ['exact_match', 'must_include', 'must_exclude', 'required_values', 'fuzzy_match'] as const;
type RequiredKey = (typeof PAGE_KEYS)[number];

async function requiredChecks(target: ProgramHtmlTarget, key: RequiredKey, label: string, selected: Selected, where: string, input: ProgramHtmlInput): Promise<Check[]> {
  const { profile } = input;
  const { text } = selected;
  const contents = (target.required_contents ?? {}) as Record<string, unknown>;
  const ignored = Object.keys(contents).filter((k) => k !== key);
  const note = [where, ignored.length ? `ignored keys: ${ignored.join(', ')}` : ''].filter(Boolean).join('; ');
  const cleaned = cleanAnswer(text, profile);
  const value = contents[key];
  const list = Array.isArray(value) ? value.map(String) : null;
  if (key !== 'exact_match' && !list) return [check(`${label} ${key}`, String(value), cleaned, false, `${note}; ${key} must be a list`)];
  rejectValueType(selected, key, label);
  switch (key) {
    case 'exact_match':
      return [check(`${label} exact_match (cleaned strings equal)`, String(value), cleaned, exactMatch(String(value), text, profile), note)];
    case 'must_include':
      return list!.map((item) => {
        const alts = splitOr(item);
        const modes = alts.map((alt) => tokenModeFor(alt, profile, { soleItem: false, inPage: true }));
        const passed = alts.some((alt, j) => mustInclude(alt, text, modes[j], profile, { slashParts: profile.slashTokenParts }));
        return check(`${label} must_include (${[...new Set(modes)].join(' / ')}${alts.length > 1 ? ', any alternative' : ''})`, item, cleaned, passed, note);
      });
    case 'must_exclude':
      return list!.map((item) => {
        if (item.includes(OR_SEPARATOR)) throw new UnscorableConfigError(`${label}: must_exclude item "${item}" holds " |OR| ", which VAB asserts against`);
        const mode = tokenModeFor(item, profile, { soleItem: false, inPage: true });
        return check(`${label} must_exclude (${mode})`, item, cleaned, !mustInclude(item, text, mode, profile), note);
      });
    case 'required_values': {
      const numeric = typeof selected.value === 'number' || typeof selected.value === 'boolean' ? String(Number(selected.value)) : text;
      return requiredValuesChecks(list!, numeric, 'program_html', note).map((c) => ({ ...c, rule: `${label} ${c.rule}`, actual: preview(c.actual) }));
    }
    default:
      return fuzzyChecks(list!, label, text, note, input);
  }
}

/** A `lambda:` result that is not a string reaches VAB's type-checked rules as it is: exact_match takes an
 * int (compared as its str), required_values a number; anything else the original rejects with an error. */
function rejectValueType(selected: Selected, key: RequiredKey, label: string): void {
  const v = selected.value;
  if (v === undefined) return;
  const isInt = typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v));
  const accepted = (key === 'exact_match' && isInt) || (key === 'required_values' && (isInt || typeof v === 'number'));
  if (!accepted) throw new UnscorableConfigError(`${label}: the lambda: locator returned ${JSON.stringify(v)}, which VAB's ${key} does not accept (its type check raises)`);
}

/** Page fuzzy_match exists only in VAB (the webarena profile never reaches here): one call with the
 * references joined; the judge is asked even when the text is empty, as VAB does. */
async function fuzzyChecks(refs: string[], label: string, text: string, note: string, input: ProgramHtmlInput): Promise<Check[]> {
  const reference = refs.join(', ');
  const rule = `${label} fuzzy_match (LLM, one call, references joined)`;
  return [await judgedCheck({ kind: 'program_html', rule, expected: reference, actual: preview(text) },
    { question: input.intent, reference, answer: text, mode: 'fuzzy_match', profile: input.profile.name }, input.llm, note)];
}
