import { AsyncLocalStorage } from 'node:async_hooks';
import sqlite3 from 'sqlite3';
import { BUSY_TIMEOUT_MS } from './storage-error';

/** A small promise wrapper over one sqlite3 connection. One writer per data directory; WAL lets readers
 * (the UI, the analyzer) see every committed step while a run is writing (docs/design/ARCHITECTURE.md §5). */
export class Database {
  private constructor(private readonly db: sqlite3.Database, readonly path: string) {}

  static async open(path: string): Promise<Database> {
    const db = await connect(path);
    const wrapped = new Database(db, path);
    try {
      // WAL + NORMAL: a committed transaction survives a killed process; only an OS crash can lose the last one.
      await wrapped.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    } catch (err) {
      await wrapped.close().catch(() => undefined);
      throw err;
    }
    db.configure('busyTimeout', BUSY_TIMEOUT_MS);
    return wrapped;
  }

  /** Opens for reading only (`list`, `analyze` on a read-only data directory). A WAL database needs its -shm
   * file, which a read-only folder cannot get; then the file is opened as immutable (nobody can write there). */
  static async openReadOnly(path: string): Promise<Database> {
    const tryOpen = async (target: string, mode: number) => {
      const wrapped = new Database(await connect(target, mode), path);
      try {
        await wrapped.exec('PRAGMA query_only = ON');
        await wrapped.get('SELECT COUNT(*) FROM sqlite_master');
        return wrapped;
      } catch (err) {
        await wrapped.close().catch(() => undefined);
        throw err;
      }
    };
    try {
      return await tryOpen(path, sqlite3.OPEN_READONLY);
    } catch (err) {
      // SQLite says CANTOPEN or READONLY (…_CANTINIT) when it cannot make the -shm file next to the database.
      const code = (err as { code?: string }).code;
      if (code !== 'SQLITE_CANTOPEN' && code !== 'SQLITE_READONLY') throw err;
      return tryOpen(`file:${encodeURI(path)}?immutable=1`, sqlite3.OPEN_READONLY | sqlite3.OPEN_URI);
    }
  }

  async exec(sql: string): Promise<void> {
    await this.outsideTransaction();
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  async run(sql: string, params: unknown[] = []): Promise<{ changes: number; lastID: number }> {
    await this.outsideTransaction();
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(withSql(err, sql));
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  async get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    await this.outsideTransaction();
    return new Promise((resolve, reject) =>
      this.db.get(sql, params, (err, row) => (err ? reject(withSql(err, sql)) : resolve(row as T | undefined))),
    );
  }

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    await this.outsideTransaction();
    return new Promise((resolve, reject) =>
      this.db.all(sql, params, (err, rows) => (err ? reject(withSql(err, sql)) : resolve(rows as T[]))),
    );
  }

  /** Runs `work` inside one transaction. Calls are serialised so two transactions never interleave on the
   * single connection, and while one is open every statement from outside it waits for it to end: on a shared
   * connection such a statement would join the transaction, and a rollback would silently undo a write (another
   * episode's step) that had already been reported as stored. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      let end!: () => void;
      this.open = new Promise<void>((resolve) => (end = resolve));
      try {
        return await this.inside.run(true, async () => {
          await this.exec('BEGIN IMMEDIATE');
          try {
            const result = await work();
            await this.exec('COMMIT');
            return result;
          } catch (err) {
            await this.exec('ROLLBACK').catch(() => undefined);
            throw err;
          }
        });
      } finally {
        this.open = null;
        end();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
  private queue: Promise<unknown> = Promise.resolve();
  /** The open transaction's end, or null; statements from outside it wait for it (see transaction). */
  private open: Promise<void> | null = null;
  /** Set inside a transaction's work, so its own statements go ahead. */
  private readonly inside = new AsyncLocalStorage<boolean>();

  private async outsideTransaction(): Promise<void> {
    while (this.open && !this.inside.getStore()) await this.open;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

function connect(path: string, mode?: number): Promise<sqlite3.Database> {
  return new Promise<sqlite3.Database>((resolve, reject) => {
    const callback = (err: Error | null) => (err ? reject(err) : resolve(handle));
    const handle = mode === undefined ? new sqlite3.Database(path, callback) : new sqlite3.Database(path, mode, callback);
  });
}

function withSql(err: Error, sql: string): Error {
  err.message = `${err.message} (in: ${sql.trim().slice(0, 120)})`;
  return err;
}
