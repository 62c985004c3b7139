// A write to the data directory failed (disk full, read-only or damaged files). The episode loop ends the
// episode with stop reason storage_error and the scheduler stops the run: every later write would fail too.

/** How long a write waits for another process's write lock (the UI server, a second CLI, a training worker, a
 * sqlite3 shell) before it fails with SQLITE_BUSY (db.ts). Our own transactions are short; a loaded machine is slow. */
export const BUSY_TIMEOUT_MS = 30_000;

/** Thrown by the store when it cannot write; the message keeps the operating system's own words (ENOSPC …). */
export class StorageError extends Error {
  readonly code?: string;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.code = (options.cause as { code?: string } | undefined)?.code;
  }
}

/** SQLite result codes that mean the database file cannot take the write (node-sqlite3 puts them in `code`).
 * BUSY and LOCKED: another process kept its write lock past the busy timeout (db.ts); the write is lost all the
 * same, and a step that could not be stored is a storage failure, not the browser's or the agent's. */
const SQLITE_STORAGE_CODES = new Set(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_NOTADB', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

/** True for a StorageError, or a SQLite error that says the disk or the database file is the problem. */
export function isStorageFailure(err: unknown): boolean {
  if (err instanceof StorageError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SQLITE_STORAGE_CODES.has(code);
}

/** What to tell the user about a storage failure: the error's own first line, and for a lock held by another
 * process, which one to look for. */
export function describeStorageFailure(err: unknown): string {
  const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') return first;
  return `another process (a second CLI, the workbench server, a sqlite3 shell) kept the database locked for ${BUSY_TIMEOUT_MS / 1000} s; end it, then resume the run (${first})`;
}
