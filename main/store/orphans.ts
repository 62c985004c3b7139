// What a process that died mid-run left behind (killed, crashed, the machine went down) is cleaned up when a
// data directory is opened for writing, and before a `resume`: its 'running' episodes and runs are closed as
// interrupted (completed steps stay, `resume` runs them again) and its half-written blob files are removed.
// Whether an owner is gone is store/owner-liveness.ts's call (a pid alone is not enough once pids are reused).
import type { Store } from './index';
import { isStorageFailure } from './storage-error';
import { STALE_AFTER_MS, type OwnerVerdict } from './owner-liveness';

/** Removes the blob files dead writers left half-written and marks the episodes and runs of dead owners
 * interrupted. When the database cannot take the marks (the disk filled up: often why the run died; another
 * process holds its lock) they are left for the next start, so the data directory still opens and `list`,
 * `analyze` and the UI can show what was recorded. */
export async function closeOrphans(store: Pick<Store, 'episodes' | 'runs' | 'blobs'>, isAlive: (pid: number) => boolean): Promise<void> {
  await store.blobs.removeAbandoned(isAlive).catch(() => undefined); // a folder it cannot clean is only wasted space
  try {
    await store.episodes.markOrphansInterrupted(isAlive);
    await store.runs.markOrphansInterrupted(isAlive);
  } catch (err) {
    if (!isStorageFailure(err)) throw err;
  }
}

/** Before `resume`: a run still marked 'running' whose owner is gone (killed while this process was open, or
 * its pid now another process's) is closed as interrupted with the rest of the orphans, so it can be resumed;
 * one whose owner lives is refused with where it runs. A run not marked running is left to resumeRun. */
export async function releaseIfOrphaned(store: Pick<Store, 'episodes' | 'runs' | 'blobs'>, runId: string, isAlive: (pid: number) => boolean): Promise<void> {
  const owner = await store.runs.runningOwner(runId, isAlive);
  if (owner === null) return;
  if (owner.live) throw new Error(runningRefusal(runId, owner));
  await closeOrphans(store, isAlive);
}

/** Why a run that is really running cannot be resumed, saying where it runs. */
export function runningRefusal(runId: string, owner: Extract<OwnerVerdict, { live: true }>): string {
  if (owner.where === 'this-process') return `Run ${runId} is already running.`; // here: the run page can cancel it
  const heard = owner.heartbeatAgeMs === null ? '' : `, last heard from ${Math.round(owner.heartbeatAgeMs / 1000)} s ago`;
  return (
    `Run ${runId} is running in another process (pid ${owner.pid}${heard}) on this data folder. ` +
    `Let it finish or stop it there; if that process has hung, resume works once it has been silent for ${STALE_AFTER_MS / 1000} s.`
  );
}
