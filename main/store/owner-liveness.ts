// Who owns a 'running' run or episode, and whether that owner still exists. A pid alone cannot say: after a
// reboot or a container restart a dead owner's pid is often another live process's (a container's CLI is pid 1
// every time), and the run would stay 'running' forever. So each open store writes a random owner token
// beside its pid and refreshes a heartbeat for what it owns (store/owner-heartbeat.ts); a reused pid can match
// the pid but never the token, and a process that only has the pid writes no heartbeat.
import { randomUUID } from 'node:crypto';

/** How often an owner refreshes the heartbeat of its running runs and episodes: one timer per open store,
 * never a write per step. */
export const HEARTBEAT_MS = 10_000;

/** How old a heartbeat must be before a live pid is taken to be someone else's. Only consulted when the pid is
 * alive (a dead pid is an orphan at once), so a long window costs nothing after a crash or a kill; it only has to
 * outlast a live owner's worst delay: one period, plus a heartbeat write waiting out another writer's lock
 * (BUSY_TIMEOUT_MS, 30 s), plus a busy event loop or a swapping machine (~50 s more). */
export const STALE_AFTER_MS = 90_000;

/** The owner columns of a 'running' row. No token: written before migration 13 (or before job records kept
 * tokens), judged by its pid alone unless the pid is this process's. */
export interface OwnerStamp {
  pid: number | null;
  token: string | null;
  heartbeatAt: number | null;
}

export type OwnerVerdict =
  | { live: true; where: 'this-process' | 'other-process'; pid: number; heartbeatAgeMs: number | null }
  | { live: false; why: string };

export interface LivenessView {
  /** This process's pid. */
  pid: number;
  /** Whether a token is one of the stores this process has open now. */
  isOpenHere(token: string): boolean;
  isAlive(pid: number): boolean;
  now: number;
  staleAfterMs?: number;
}

/** Whether the owner a row names still exists. Never calls a live owner gone because its heartbeat is late by less
 * than STALE_AFTER_MS; calls a reused pid gone (its token is not the owner's). */
export function judgeOwner(stamp: OwnerStamp, view: LivenessView): OwnerVerdict {
  const { pid, token, heartbeatAt } = stamp;
  if (pid === null) return { live: false, why: 'no owning process was recorded' };
  if (pid !== view.pid && !view.isAlive(pid)) return { live: false, why: `its process (pid ${pid}) has ended` };
  if (pid === view.pid) {
    // Our pid but none of our stores' tokens: a process before a restart had this pid. A row with no token is one
    // too: this version stamps a token with every pid it writes (runs, episodes and job records alike).
    return token !== null && view.isOpenHere(token)
      ? { live: true, where: 'this-process', pid, heartbeatAgeMs: null }
      : { live: false, why: `its process (pid ${pid}) has ended; this process was given the same pid` };
  }
  // A row from before owner tokens, another live pid's: the pid is all there is.
  if (token === null) return { live: true, where: 'other-process', pid, heartbeatAgeMs: null };
  const age = heartbeatAt === null ? Number.POSITIVE_INFINITY : view.now - heartbeatAt;
  if (age > (view.staleAfterMs ?? STALE_AFTER_MS)) {
    return { live: false, why: `pid ${pid} is alive but has not kept the run alive for ${describeAge(age)}: it is another process now` };
  }
  return { live: true, where: 'other-process', pid, heartbeatAgeMs: Math.max(0, age) };
}

/** The owner columns of a runs or episodes row, as judgeOwner reads them. */
export function ownerStamp(row: { owner_pid: number | null; owner_token: string | null; heartbeat_at: number | null }): OwnerStamp {
  return { pid: row.owner_pid, token: row.owner_token, heartbeatAt: row.heartbeat_at };
}

// The tokens of the stores open in this process: two cores on one data folder in one process are two owners
// with one pid, and each must see the other's rows as live.
const openTokens = new Set<string>();

/** One open store's identity as an owner: its pid, a random token no other process can have, and its clock. */
export class StoreOwner {
  readonly pid = process.pid;
  readonly token = randomUUID();

  constructor(readonly now: () => number = Date.now) {
    openTokens.add(this.token);
  }

  /** The store closed: rows still carrying its token belong to nobody now. */
  release(): void {
    openTokens.delete(this.token);
  }

  judge(stamp: OwnerStamp, isAlive: (pid: number) => boolean): OwnerVerdict {
    return judgeOwner(stamp, { pid: this.pid, isOpenHere: (token) => openTokens.has(token), isAlive, now: this.now() });
  }
}

function describeAge(ms: number): string {
  if (!Number.isFinite(ms)) return 'ever';
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
}
