// The heartbeat of one open store (store/owner-liveness.ts): every HEARTBEAT_MS it stamps the runs and episodes
// it owns, two small UPDATEs per period however many steps are taken. A beat that fails (the disk is full, another
// writer holds the lock past the busy timeout) is skipped; the next one tries again.
import type { Database } from './db';
import { HEARTBEAT_MS, type StoreOwner } from './owner-liveness';

/** Stamps the running rows of `table` this store owns. Read first, so a store that owns nothing (most of the
 * time) takes no write lock each period from a writer that is busy. */
export async function stampOwned(db: Database, table: 'runs' | 'episodes', owner: StoreOwner): Promise<void> {
  const owned = `FROM ${table} WHERE owner_token = ? AND status = 'running'`;
  if (!(await db.get(`SELECT 1 AS owned ${owned} LIMIT 1`, [owner.token]))) return;
  await db.run(`UPDATE ${table} SET heartbeat_at = ? WHERE id IN (SELECT id ${owned})`, [owner.now(), owner.token]);
}

interface Beating {
  heartbeat(): Promise<unknown>;
}

export class OwnerHeartbeat {
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;

  constructor(private readonly owned: readonly Beating[], private readonly periodMs: number = HEARTBEAT_MS) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.beat(), this.periodMs);
    this.timer.unref(); // a heartbeat never keeps a finished process alive
  }

  /** One beat; a beat still waiting for the database is not doubled. */
  beat(): Promise<void> {
    this.beating ??= (async () => {
      for (const repo of this.owned) await repo.heartbeat().catch(() => undefined);
    })().finally(() => (this.beating = null));
    return this.beating;
  }

  /** Stops beating and waits for a beat in flight, so the database can be closed after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.beating;
  }
}
