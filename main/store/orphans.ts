// What a process that died mid-run left behind (killed, crashed, the machine went down) is cleaned up when a
// data directory is opened for writing: its 'running' episodes and runs are closed as interrupted (completed
// steps stay, `resume` runs them again) and its half-written blob files are removed.
import type { Store } from './index';
import { isStorageFailure } from './storage-error';

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
