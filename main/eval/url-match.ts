// url_match: the URL the agent ended on against eval.reference_url (docs/design/WEBARENA.md §2.3). The original
// URLEvaluator knows only "GOLD in PRED" and compares host+path and query keys; VAB's URLExactEvaluator
// defaults to EXACT and treats GOLD in PRED as a plain substring.
import type { EvaluationCheck } from '../api/types';
import { OR_SEPARATOR, type WebArenaEval } from '../tasks/webarena-config';
import type { ScoringProfile } from './profiles';

export interface UrlMatchInput {
  evalConfig: WebArenaEval;
  finalUrl: string;
  profile: ScoringProfile;
}

const fail = (expected: string, actual: string, rule: string, note: string): EvaluationCheck => ({
  kind: 'url_match', rule, expected, actual, passed: false, score: 0, note,
});

export function urlMatchChecks({ evalConfig, finalUrl, profile }: UrlMatchInput): EvaluationCheck[] {
  const refText = evalConfig.reference_url;
  if (typeof refText !== 'string' || refText.length === 0) {
    return [fail('(reference_url)', finalUrl, 'url_match', 'url_match is listed but the config has no eval.reference_url')];
  }
  // Only a missing url_note takes the default: the originals read it with .get(key, default), so an explicit
  // null is the rule None, which they reject like any unknown rule.
  const note: unknown = evalConfig.url_note;
  const rule = note === undefined ? profile.urlDefaultRule : typeof note === 'string' ? note : note === null ? 'None' : JSON.stringify(note);
  const defaulted = note === undefined ? ` (url_note missing; ${profile.name} defaults to ${rule})` : '';
  const clean = (u: string) => cleanUrl(u, profile);
  const pred = clean(finalUrl);
  const refs = refText.split(OR_SEPARATOR).map(clean);
  const expected = refs.join(OR_SEPARATOR);

  if (rule === 'EXACT' && profile.name === 'vab-lite') {
    const passed = refs.includes(pred);
    return [{ kind: 'url_match', rule: `url_match EXACT${defaulted}`, expected, actual: pred, passed, score: passed ? 1 : 0,
      note: passed ? 'the final URL equals a reference' : 'the final URL equals no reference' }];
  }
  if (rule !== 'GOLD in PRED') {
    return [fail(expected, pred, `url_match ${rule}`, `unknown url_note "${rule}" for the ${profile.name} profile (the original raises)`)];
  }
  if (profile.goldInPred === 'substring') {
    const hit = refs.find((r) => pred.includes(r));
    return [{ kind: 'url_match', rule: `url_match GOLD in PRED (plain substring)${defaulted}`, expected, actual: pred,
      passed: hit !== undefined, score: hit !== undefined ? 1 : 0,
      note: hit !== undefined ? `"${hit}" is a substring of the final URL` : 'no reference is a substring of the final URL' }];
  }
  return [hostPathQueryCheck(refs, pred, expected, defaulted)];
}

/** Original GOLD in PRED: some reference host+path is a substring of the final URL's host+path, and every
 * query key of any reference is present in the final URL with one of the reference values. Trailing slashes
 * were stripped from the end of each whole URL only (cleanUrl): "h/a/?q=1" keeps host+path "h/a/". */
function hostPathQueryCheck(refs: string[], pred: string, expected: string, defaulted: string): EvaluationCheck {
  const predParts = parseUrl(pred);
  const predBase = predParts.base;
  const refBases = refs.map((r) => parseUrl(r).base);
  const refQueries = new Map<string, Set<string>>();
  for (const r of refs) {
    for (const [k, values] of parseUrl(r).query) {
      const set = refQueries.get(k) ?? new Set<string>();
      values.forEach((v) => set.add(v));
      refQueries.set(k, set);
    }
  }
  const baseHit = refBases.find((b) => predBase.includes(b));
  const missingKeys = [...refQueries].filter(([k, values]) => ![...values].some((v) => predParts.query.get(k)?.includes(v)));
  const passed = baseHit !== undefined && missingKeys.length === 0;
  const notes = [
    baseHit !== undefined ? `host+path "${baseHit}" is in "${predBase}"` : `no reference host+path (${refBases.join(', ')}) is in "${predBase}"`,
    ...missingKeys.map(([k, values]) => `query key "${k}" must be one of ${[...values].map((v) => `"${v}"`).join(', ')}; the final URL has ${JSON.stringify(predParts.query.get(k) ?? [])}`),
  ];
  if (refQueries.size > 0 && missingKeys.length === 0) notes.push(`query keys ${[...refQueries.keys()].join(', ')} match`);
  return { kind: 'url_match', rule: `url_match GOLD in PRED (host+path substring, query keys)${defaulted}`, expected, actual: pred,
    passed, score: passed ? 1 : 0, note: notes.join('; ') };
}

/** Original: strip every trailing "/". VAB: read localhost as 127.0.0.1, drop one trailing "/". */
export function cleanUrl(url: string, profile: ScoringProfile): string {
  if (profile.urlCleaning === 'strip-slashes') return stripSlashes(url);
  const s = url.replaceAll('localhost', '127.0.0.1');
  return s.endsWith('/') ? s.slice(0, -1) : s;
}

const stripSlashes = (s: string) => s.replace(/\/+$/, '');

/** Python's urlparse, enough for the rule: netloc + path (path without ";params"), and parse_qs of the
 * query (blank values dropped, "+" read as space, percent-decoded). Scheme and fragment are ignored. */
export function parseUrl(url: string): { base: string; query: Map<string, string[]> } {
  const { netloc, path, queryText } = splitUrl(url);
  const query = new Map<string, string[]>();
  for (const pair of queryText.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = unquotePlus(pair.slice(0, eq));
    const value = unquotePlus(pair.slice(eq + 1));
    if (value.length === 0) continue;
    query.set(key, [...(query.get(key) ?? []), value]);
  }
  return { base: netloc + path, query };
}

/** Python's urlparse: scheme (lower-cased), netloc, path without the last segment's ";params", query. */
export function splitUrl(url: string): { scheme: string; netloc: string; path: string; queryText: string } {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?/.exec(url);
  let path = m?.[3] ?? '';
  const lastSlash = path.lastIndexOf('/');
  const semi = path.indexOf(';', lastSlash + 1);
  if (semi >= 0) path = path.slice(0, semi);
  return { scheme: (m?.[1] ?? '').toLowerCase(), netloc: m?.[2] ?? '', path, queryText: m?.[4] ?? '' };
}

function unquotePlus(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Python replaces undecodable bytes instead of failing; decode what can be decoded.
    return spaced.replace(/(%[0-9a-fA-F]{2})+/g, (seq) => { try { return decodeURIComponent(seq); } catch { return '\uFFFD'; } });
  }
}
