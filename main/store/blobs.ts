import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Content-addressed blob store: screenshots, observation text, prompts and replies are stored once under
 * their SHA-256, so rows hold a short hash and identical frames cost nothing (like Playwright's trace
 * resources). Writes go to a temp file and are renamed into place, so a killed process never leaves a
 * truncated blob under a valid name. */
export class BlobStore {
  constructor(readonly root: string) {}

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
    await mkdir(join(this.root, hash.slice(0, 2)), { recursive: true });
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, data);
    await rename(temp, target);
    return hash;
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
