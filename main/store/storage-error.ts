// A write to the data directory failed (disk full, read-only or damaged files). The episode loop ends the
// episode with stop reason storage_error and the scheduler stops the run: every later write would fail too.

/** Thrown by the store when it cannot write; the message keeps the operating system's own words (ENOSPC …). */
export class StorageError extends Error {
  readonly code?: string;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.code = (options.cause as { code?: string } | undefined)?.code;
  }
}

/** SQLite result codes that mean the database file cannot take the write (node-sqlite3 puts them in `code`). */
const SQLITE_STORAGE_CODES = new Set(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_NOTADB']);

/** True for a StorageError, or a SQLite error that says the disk or the database file is the problem. */
export function isStorageFailure(err: unknown): boolean {
  if (err instanceof StorageError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SQLITE_STORAGE_CODES.has(code);
}
