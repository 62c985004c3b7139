import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageError } from './storage-error';

/** Writes one file; injectable so tests can play a full disk (ENOSPC) without filling one. */
export type BlobWriter = (path: string, data: Buffer | string) => Promise<void>;

/** Where blobs are written before they are renamed into place: one folder, so the files a killed process left
 * half-written are found without listing every blob (their names start with the writer's pid). */
const INCOMING_DIR = '.incoming';

/** Content-addressed blob store: screenshots, observation text, prompts and replies are stored once under
 * their SHA-256, so rows hold a short hash and identical frames cost nothing (like Playwright's trace
 * resources). Writes go to a temp file and are renamed into place, so a killed process never leaves a
 * truncated blob under a valid name; the temp files it leaves are removed by removeAbandoned. A write that
 * fails (disk full) removes its temp file and throws a StorageError with the operating system's message. */
export class BlobStore {
  constructor(readonly root: string, private readonly write: BlobWriter = (path, data) => writeFile(path, data)) {}

  static hashOf(data: Buffer | string): string {
    return createHash('sha256').update(data).digest('hex');
  }

  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a blob hash: ${JSON.stringify(hash)}`);
    return join(this.root, hash.slice(0, 2), hash.slice(2));
  }

  async put(data: Buffer | string): Promise<string> {
    const hash = BlobStore.hashOf(data);
    const target = this.pathOf(hash);
    if (await exists(target)) return hash;
    const temp = join(this.root, INCOMING_DIR, `${process.pid}.${hash.slice(0, 16)}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await mkdir(join(this.root, INCOMING_DIR), { recursive: true });
      await mkdir(join(this.root, hash.slice(0, 2)), { recursive: true });
      await this.write(temp, data);
      await rename(temp, target);
    } catch (err) {
      // A half-written temp file would only eat more of a full disk.
      await rm(temp, { force: true }).catch(() => undefined);
      throw new StorageError(`Could not write to ${this.root}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    return hash;
  }

  /** Removes the temp files of writers that are no longer running (a process killed mid-write); those of live
   * processes (a second CLI, the server) are theirs. Returns how many were removed. */
  async removeAbandoned(isAlive: (pid: number) => boolean): Promise<number> {
    const dir = join(this.root, INCOMING_DIR);
    const names = await readdir(dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const pid = Number(/^(\d+)\./.exec(name)?.[1]);
      if (!Number.isInteger(pid) || (pid !== process.pid && !isAlive(pid))) {
        await rm(join(dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  get(hash: string): Promise<Buffer> {
    return readFile(this.pathOf(hash));
  }

  async getText(hash: string): Promise<string> {
    return (await this.get(hash)).toString('utf8');
  }

  has(hash: string): Promise<boolean> {
    return exists(this.pathOf(hash));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
