// Opening a data directory that is missing, unwritable or damaged (issue 14): every error names the path and
// says what to do, instead of a bare SQLITE_* code or EACCES from deep inside a run.
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const DB_FILE = 'workbench.sqlite';
export const BLOBS_DIR = 'blobs';

/** Creates the data directory when needed and checks that it and its database can be written. */
export async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    // The user's own: it holds what agents saw on logged-in sites and what was sent to LLM providers.
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new Error(`The data directory ${dataDir} cannot be created (${codeOf(err)}): create it yourself, or pass --data <dir> (or MIRA_DATA_DIR) to use another one.`);
  }
  await checkDatabaseIsFile(dataDir);
  if (!(await isWritableDir(dataDir))) throw unwritable(dataDir);
  const blobs = join(dataDir, BLOBS_DIR);
  const blobsStat = await stat(blobs).catch(() => null);
  if (blobsStat && !blobsStat.isDirectory()) {
    throw new Error(`${blobs} should be the folder of recorded screenshots and texts but is a file: move it aside and start again.`);
  }
}

/** A folder where the database file should be would otherwise read as a permission problem (SQLITE_CANTOPEN). */
export async function checkDatabaseIsFile(dataDir: string): Promise<void> {
  const db = join(dataDir, DB_FILE);
  const found = await stat(db).catch(() => null);
  if (found && !found.isFile()) throw new Error(`${db} should be the workbench database but is a folder: move it aside and start again.`);
}

/** True when the directory (and its database, if there is one) can be written by this process. */
export async function isWritableDir(dataDir: string): Promise<boolean> {
  for (const path of [dataDir, join(dataDir, DB_FILE)]) {
    try {
      await access(path, constants.W_OK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || path === dataDir) return false;
    }
  }
  return true;
}

/** Rewrites an error from opening or migrating the database into one that names the file and the fix. */
export function explainOpenError(err: unknown, dbPath: string, dataDir: string): Error {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new Error(
      `The database ${dbPath} is damaged (${message}). Move it aside (e.g. rename it to ${DB_FILE}.damaged) to start a fresh one, ` +
        `or restore it from a backup; the ${BLOBS_DIR}/ folder can stay.`,
      { cause: err },
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS') {
    return unwritable(dataDir, `${dbPath}: ${message}`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new Error(`The disk holding ${dataDir} is full (${message}): free some space, or pass --data <dir> to use another disk.`, { cause: err });
  }
  return err instanceof Error ? err : new Error(message);
}

function unwritable(dataDir: string, detail?: string): Error {
  return new Error(
    `The data directory ${dataDir} is not writable${detail ? ` (${detail})` : ''}. Fix its permissions, or pass --data <dir> ` +
      '(or MIRA_DATA_DIR) to use another one; `list` and `analyze` can still read it as it is.',
  );
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
