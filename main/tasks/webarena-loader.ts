// Loads WebArena / WebArena-Lite task configs (docs/design/WEBARENA.md §1.3) from one array file, a
// single-object file, or a directory of one-file-per-task, into TaskRecords. Every field is kept (the config
// is stored whole). Each task is validated on its own: a bad task becomes a precise LoadError (file, task,
// field, reason) and never stops the others loading.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskRecord } from '../api/types';
import { AND_SEPARATOR } from './webarena-config';
import { show, validateTaskConfig } from './webarena-validate';

export interface LoadError {
  file: string;
  /** The task's task_id when it could be read, else null. */
  taskId: number | null;
  /** Position in the file's array; null for a single-object file or a whole-file problem. */
  index: number | null;
  /** Dotted path of the offending field ("eval.eval_types[1]"); null for a whole-file or whole-task problem. */
  field: string | null;
  /** The full sentence: "<file>: task 12: eval.eval_types[1] is 'url_mtch', expected one of …". */
  message: string;
}

export interface LoadResult {
  tasks: TaskRecord[];
  /** Problems that kept a task (or a whole file) from loading. */
  errors: LoadError[];
  /** Problems in tasks that still loaded (their scoring will explain the consequence). */
  warnings: LoadError[];
}

export type WebArenaVariant = 'webarena' | 'webarena-lite';

export interface LoadOptions {
  /** Id prefix. Default: per task, 'webarena-lite' when it has old_task_id (Lite renumbers), else 'webarena'. */
  variant?: WebArenaVariant;
}

/** Loads a file or a directory of *.json files (natural name order; sub-directories are not read). */
export async function loadWebArenaTasks(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  let files: string[];
  try {
    files = (await stat(path)).isDirectory()
      ? (await readdir(path)).filter((n) => n.endsWith('.json')).sort(new Intl.Collator('en', { numeric: true }).compare).map((n) => join(path, n))
      : [path];
  } catch (err) {
    return { tasks: [], errors: [fileError(path, `cannot be read: ${(err as Error).message}`)], warnings: [] };
  }
  const result: LoadResult = { tasks: [], errors: [], warnings: [] };
  const seen = new Map<string, string>();
  for (const file of files) {
    const text = await readTaskFile(file);
    if (typeof text !== 'string') {
      result.errors.push(text);
      continue;
    }
    const one = parseWebArenaJson(text, file, options, seen);
    result.tasks.push(...one.tasks);
    result.errors.push(...one.errors);
    result.warnings.push(...one.warnings);
  }
  return result;
}

/** Far larger than any real task file: reading one whole would only exhaust memory, and the parser's "Invalid
 * string length" would not say why. */
export const MAX_TASK_FILE_BYTES = 64 * 1024 * 1024;

/** A task file's text, or why it cannot be used: unreadable, too large, or not UTF-8 (decoded loosely its
 * intents and answers would silently hold replacement characters). */
async function readTaskFile(file: string): Promise<string | LoadError> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    // A FIFO or a device in a folder of tasks would hang the read or fill memory (its size reads 0).
    if (!info.isFile()) return fileError(file, 'is not a regular file: a task file is a .json file.');
    const { size } = info;
    if (size > MAX_TASK_FILE_BYTES) {
      return fileError(file, `is ${Math.ceil(size / 1024 / 1024)} MB, more than the ${MAX_TASK_FILE_BYTES / 1024 / 1024} MB a task file may have: is it the right file? Split it into several files in one folder.`);
    }
    bytes = await readFile(file);
  } catch (err) {
    return fileError(file, `cannot be read: ${(err as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'UTF-16LE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'UTF-16BE' : null;
    if (bom) return fileError(file, `is ${bom} text, not UTF-8: save it as UTF-8 and import it again.`);
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    return fileError(file, `is not UTF-8 text (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} at line ${line}): save it as UTF-8 and import it again.`);
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (lead byte, then 1–3 continuation
 * bytes); 0 when the scan finds none (an overlong or surrogate form, which only the decoder rejects). */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return 0;
}

/** Parses one file's text. `seen` (id → where) catches a task_id repeated across the files of a directory. */
export function parseWebArenaJson(text: string, file: string, options: LoadOptions = {}, seen = new Map<string, string>()): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { tasks: [], errors: [jsonError(text.replace(/^\uFEFF/, ''), file, err as Error)], warnings: [] };
  }
  const single = !Array.isArray(data);
  if (single && (typeof data !== 'object' || data === null)) {
    return { tasks: [], errors: [fileError(file, `top level is ${show(data)}, expected an array of tasks or one task object`)], warnings: [] };
  }
  const items = single ? [data] : (data as unknown[]);
  const result: LoadResult = { tasks: [], errors: [], warnings: [] };
  if (items.length === 0) result.errors.push(fileError(file, 'holds an empty list: no tasks'));
  items.forEach((item, i) => {
    const index = single ? null : i;
    const where = single ? 'task' : `task at index ${i}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      result.errors.push({ file, taskId: null, index, field: null, message: `${file}: ${where} is ${show(item)}, expected an object` });
      return;
    }
    const task = item as Record<string, unknown>;
    const taskId = Number.isInteger(task.task_id) ? (task.task_id as number) : null;
    const label = taskId !== null ? `task ${taskId}` : where;
    const all = validateTaskConfig(task);
    const problems = all.filter((x) => x.severity !== 'warning');
    const warnings = all.filter((x) => x.severity === 'warning');
    const variant = options.variant ?? ('old_task_id' in task ? 'webarena-lite' : 'webarena');
    const id = `${variant}/${taskId}`;
    if (taskId !== null && problems.length === 0) {
      const first = seen.get(id);
      if (first) problems.push({ field: 'task_id', reason: `${taskId} repeats the id of ${first}` });
      else seen.set(id, `${label} in ${file}${index !== null ? ` (index ${index})` : ''}`);
    }
    if (problems.length > 0) {
      for (const { field, reason } of problems) {
        result.errors.push({ file, taskId, index, field, message: `${file}: ${label}: ${field} ${reason}` });
      }
      return;
    }
    for (const { field, reason } of warnings) {
      result.warnings.push({ file, taskId, index, field, message: `${file}: ${label}: ${field} ${reason}` });
    }
    // The store keeps the config as JSON: a value nested too deeply for that (JSON.parse takes it, stringify
    // overflows the stack) is this task's error, not the end of the whole import.
    try {
      JSON.stringify(task);
    } catch {
      result.errors.push({ file, taskId, index, field: null, message: `${file}: ${label}: is nested too deeply to store` });
      return;
    }
    result.tasks.push(toTaskRecord(task, id));
  });
  return result;
}

function toTaskRecord(config: Record<string, unknown>, id: string): TaskRecord {
  return {
    id,
    source: 'webarena',
    sites: [...(config.sites as string[])],
    intent: config.intent as string,
    // The first tab; all tabs via startUrlsOf(task).
    startUrl: startUrlsFromConfig(config)[0],
    config,
    split: null,
    family: null,
  };
}

function startUrlsFromConfig(config: Record<string, unknown>): string[] {
  return String(config.start_url ?? '').split(AND_SEPARATOR).map((u) => u.trim());
}

/** Every start tab of a task (start_url's " |AND| " list), placeholders not yet replaced. */
export function startUrlsOf(task: TaskRecord): string[] {
  return startUrlsFromConfig(task.config);
}

// Sites that have user accounts in WebArena (map and wikipedia have none).
const ACCOUNT_SITES = ['shopping', 'shopping_admin', 'reddit', 'gitlab'];

export interface LoginNeed {
  requireLogin: boolean;
  /** The original harness's cookie file, e.g. "./.auth/gitlab.reddit_state.json", or null. */
  storageState: string | null;
  /** Sites that file logs into (read from its name: "gitlab.reddit_state.json" → gitlab, reddit). */
  storageStateSites: string[];
  /** The task's sites that have accounts: what a per-site login step must log into when require_login. */
  loginSites: string[];
}

/** Which sites a task needs a login for; the login step itself is a later piece. */
export function loginNeedOf(task: TaskRecord): LoginNeed {
  const c = task.config;
  const storageState = typeof c.storage_state === 'string' ? c.storage_state : null;
  const stem = storageState?.split(/[\\/]/).pop()?.replace(/_state\.json$/, '') ?? null;
  const requireLogin = c.require_login === true;
  return {
    requireLogin,
    storageState,
    storageStateSites: stem ? stem.split('.') : [],
    loginSites: requireLogin ? task.sites.filter((s) => ACCOUNT_SITES.includes(s)) : [],
  };
}

/** Tasks per site; a task naming several sites counts once, as 'multi-site'. */
export function summariseBySite(tasks: TaskRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tasks) {
    const key = t.sites.length === 1 ? t.sites[0] : 'multi-site';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function fileError(file: string, reason: string): LoadError {
  return { file, taskId: null, index: null, field: null, message: `${file}: ${reason}` };
}

/** Invalid JSON, located by line and column (1-based) from the parser's character position. */
function jsonError(text: string, file: string, err: Error): LoadError {
  const m = /at position (\d+)/.exec(err.message);
  const pos = m ? Number(m[1]) : text.length;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const reason = err.message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return { file, taskId: null, index: null, field: null, message: `${file}: invalid JSON at line ${line}, column ${column}: ${reason}` };
}
