// Validation of one raw WebArena / WebArena-Lite task config (docs/design/WEBARENA.md §1.3). Returns every
// problem as { field, reason } so the loader can say which file, which task, which field and why.
import {
  AND_SEPARATOR,
  EVAL_TYPES,
  OR_SEPARATOR,
  REFERENCE_ANSWER_KEYS,
  REQUIRED_CONTENT_KEYS,
  WEBARENA_SITES,
} from './webarena-config';
import { isWebPageUrl } from '../browser/web-page-url';
import { SITE_PLACEHOLDERS } from './site-profile';

export interface FieldProblem {
  field: string;
  reason: string;
  /** A warning keeps the task loadable; an error (the default) rejects it. */
  severity?: 'warning';
}

type Obj = Record<string, unknown>;
type Bad = (field: string, reason: string, severity?: 'warning') => void;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names a JSON value for a message: 'url_mtch', 42 (number), null, an array, an object. */
export function show(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v.length > 60 ? `${v.slice(0, 60)}…` : v}'`;
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return `${String(v)} (${typeof v})`;
}
const oneOf = (xs: readonly string[]) => `expected one of ${xs.join(', ')}`;

export function validateTaskConfig(task: Obj): FieldProblem[] {
  const p: FieldProblem[] = [];
  const bad = (field: string, reason: string, severity?: 'warning') => p.push({ field, reason, ...(severity ? { severity } : {}) });

  if (!Number.isInteger(task.task_id) || (task.task_id as number) < 0) bad('task_id', `is ${show(task.task_id)}, expected a non-negative integer`);
  if ('old_task_id' in task && !Number.isInteger(task.old_task_id)) bad('old_task_id', `is ${show(task.old_task_id)}, expected an integer`);
  if (!Array.isArray(task.sites) || task.sites.length === 0) bad('sites', `is ${show(task.sites)}, expected a non-empty list of sites`);
  else task.sites.forEach((s, i) => {
    if (!(WEBARENA_SITES as readonly unknown[]).includes(s)) bad(`sites[${i}]`, `is ${show(s)}, ${oneOf(WEBARENA_SITES)}`);
  });
  if (typeof task.intent !== 'string' || task.intent.trim() === '') bad('intent', `is ${show(task.intent)}, expected a non-empty string`);
  if (typeof task.start_url !== 'string' || task.start_url.trim() === '') bad('start_url', `is ${show(task.start_url)}, expected a non-empty string`);
  else {
    const tabs = task.start_url.split(AND_SEPARATOR);
    tabs.forEach((t, i) => {
      if (t.trim() === '') bad('start_url', `tab ${i + 1} of ${tabs.length} (separated by "${AND_SEPARATOR.trim()}") is empty`);
      // Anything else would fail every episode at its first page (a bare host, a typo'd placeholder) or open
      // what no task should (file:, javascript:).
      else if (!isSiteUrl(t)) {
        bad('start_url', `tab ${i + 1} is ${show(t.trim())}, expected a site placeholder such as __SHOPPING__/… or an http(s) URL`);
      }
    });
  }
  if ('require_login' in task && typeof task.require_login !== 'boolean') bad('require_login', `is ${show(task.require_login)}, expected true or false`);
  if ('storage_state' in task && task.storage_state !== null && typeof task.storage_state !== 'string') {
    bad('storage_state', `is ${show(task.storage_state)}, expected a file path or null`);
  }
  if (!isObj(task.eval)) {
    bad('eval', `is ${show(task.eval)}, expected an object with eval_types`);
    return p;
  }
  validateEval(task.eval, bad);
  return p;
}

function validateEval(ev: Obj, bad: Bad): void {
  const types = ev.eval_types;
  if (!Array.isArray(types) || types.length === 0) {
    bad('eval.eval_types', `is ${show(types)}, expected a non-empty list of ${EVAL_TYPES.join(', ')}`);
    return;
  }
  types.forEach((t, i) => {
    if (!(EVAL_TYPES as readonly unknown[]).includes(t)) bad(`eval.eval_types[${i}]`, `is ${show(t)}, ${oneOf(EVAL_TYPES)}`);
  });
  if (types.includes('string_match')) validateReferenceAnswers(ev, bad);
  if (types.includes('url_match')) {
    const ref = ev.reference_url;
    if (typeof ref !== 'string' || ref.trim() === '') bad('eval.reference_url', `is ${show(ref)}, required by url_match`);
    else if (ref.split(OR_SEPARATOR).some((r) => r.trim() === '')) bad('eval.reference_url', `has an empty alternative between "${OR_SEPARATOR.trim()}"`);
    if ('url_note' in ev && ev.url_note !== null && !['GOLD in PRED', 'EXACT'].includes(ev.url_note as string)) {
      bad('eval.url_note', `is ${show(ev.url_note)}, expected 'GOLD in PRED', 'EXACT' or absent`);
    }
  }
  if (types.includes('program_html')) validateProgramHtml(ev.program_html, bad);
}

function stringList(v: unknown, field: string, bad: (f: string, r: string) => void): v is string[] {
  if (!Array.isArray(v) || v.length === 0) { bad(field, `is ${show(v)}, expected a non-empty list of strings`); return false; }
  let ok = true;
  v.forEach((x, i) => { if (typeof x !== 'string') { bad(`${field}[${i}]`, `is ${show(x)}, expected a string`); ok = false; } });
  return ok;
}

const INEQUALITY = /^\s*(<=|>=|==|<|>)\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

function checkInequalities(items: string[], field: string, bad: (f: string, r: string) => void): void {
  items.forEach((item, i) => item.split(OR_SEPARATOR).forEach((alt) => {
    if (!INEQUALITY.test(alt)) bad(`${field}[${i}]`, `has ${show(alt)}, expected a comparison such as '< 700' or '>= 3'`);
  }));
}

function validateReferenceAnswers(ev: Obj, bad: Bad): void {
  const refs = ev.reference_answers;
  if (!isObj(refs) || Object.keys(refs).length === 0) {
    bad('eval.reference_answers', `is ${show(refs)}${isObj(refs) ? ' with no keys' : ''}, required by string_match (${oneOf(REFERENCE_ANSWER_KEYS)})`);
    return;
  }
  for (const [key, v] of Object.entries(refs)) {
    const field = `eval.reference_answers.${key}`;
    if (!(REFERENCE_ANSWER_KEYS as readonly string[]).includes(key)) bad('eval.reference_answers', `has unknown key '${key}', ${oneOf(REFERENCE_ANSWER_KEYS)}`);
    else if (key === 'exact_match') { if (typeof v !== 'string') bad(field, `is ${show(v)}, expected a string`); }
    else if (key === 'fuzzy_match' && v === 'N/A') {
      if (typeof ev.string_note !== 'string' || ev.string_note.trim() === '') {
        bad('eval.string_note', `is ${show(ev.string_note)}, required when reference_answers.fuzzy_match is 'N/A' (the reason is judged against it)`);
      }
    } else if (typeof v === 'string' && v.trim() !== '') {
      // Real data has this (WebArena-Lite task 81): kept loadable, but the original evaluators assert a list
      // here, so the task cannot be scored as passed under either profile (see string-match.ts).
      bad(field, `is the string ${show(v)}, not a list; the original evaluators assert a list and cannot score this task`, 'warning');
    } else if (stringList(v, field, bad) && key === 'required_values') checkInequalities(v, field, bad);
  }
}

function validateProgramHtml(targets: unknown, bad: Bad): void {
  if (!Array.isArray(targets) || targets.length === 0) {
    bad('eval.program_html', `is ${show(targets)}, required by program_html (a non-empty list of {url, locator, required_contents})`);
    return;
  }
  targets.forEach((t, i) => {
    const at = `eval.program_html[${i}]`;
    if (!isObj(t)) { bad(at, `is ${show(t)}, expected an object with url, locator and required_contents`); return; }
    if (typeof t.url !== 'string' || t.url.trim() === '') bad(`${at}.url`, `is ${show(t.url)}, expected 'last', a URL or func:…`);
    else if (t.url.startsWith('func')) { if (!FUNC_CALL.test(t.url)) bad(`${at}.url`, `is ${show(t.url)}, expected func:name(arguments)`); }
    // Scoring opens web pages only (eval/program-html.ts): a task naming file:… could never pass.
    else if (t.url !== 'last' && !isSiteUrl(t.url)) bad(`${at}.url`, `is ${show(t.url)}, expected 'last', func:…, a site placeholder such as __SHOPPING__/… or an http(s) URL`);
    if (typeof t.locator !== 'string') bad(`${at}.locator`, `is ${show(t.locator)}, expected a string ('' for the whole page)`);
    else if (t.locator.trim() !== '' && !/^(document\.|\[\.\.\.document\.)/.test(t.locator) && !FUNC_CALL.test(t.locator)) {
      bad(`${at}.locator`, `is ${show(t.locator)}, expected '', a document.… expression or func:name(arguments)`);
    }
    if ('prep_actions' in t) stringList(t.prep_actions, `${at}.prep_actions`, bad);
    const rc = t.required_contents;
    if (!isObj(rc) || Object.keys(rc).length === 0) {
      bad(`${at}.required_contents`, `is ${show(rc)}${isObj(rc) ? ' with no keys' : ''}, ${oneOf(REQUIRED_CONTENT_KEYS)}`);
      return;
    }
    for (const [key, v] of Object.entries(rc)) {
      const field = `${at}.required_contents.${key}`;
      if (!(REQUIRED_CONTENT_KEYS as readonly string[]).includes(key)) bad(`${at}.required_contents`, `has unknown key '${key}', ${oneOf(REQUIRED_CONTENT_KEYS)}`);
      else if (key === 'exact_match') { if (typeof v !== 'string') bad(field, `is ${show(v)}, expected a string`); }
      else if (stringList(v, field, bad) && key === 'required_values') checkInequalities(v, field, bad);
    }
  });
}

const FUNC_CALL = /^func:\s*[A-Za-z_]\w*\s*\([\s\S]*\)\s*$/;

/** A page a task may name: one under a site placeholder (`__SHOPPING__/…`, replaced with the user's base URL) or
 * an http(s) URL. */
function isSiteUrl(url: string): boolean {
  return SITE_PLACEHOLDERS.some((p) => url.trim().startsWith(p.placeholder)) || isWebPageUrl(url);
}
