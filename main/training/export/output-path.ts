// Where an export (or a study report) is written: the folders it needs are created, and a path that cannot be
// written is refused with one sentence that names it and why, before any work (and instead of a stream's
// unhandled 'error' event or a bare EEXIST). A file is written under a temporary name and renamed into place
// only when the export succeeded, so a failed export leaves the previous file as it was.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export type OutputKind = 'file' | 'folder';

export interface OutputRules {
  /** The workbench's data directory: nothing inside it may be written (its database, blobs and checkpoints
   * live there; `--out <dataDir>/workbench.sqlite` once truncated the store to 0 bytes). */
  dataDir?: string;
}

/** Why `path` cannot be written as a file or a folder (the folders above it created as needed), or null when
 * it can. Creates nothing. */
export async function outputProblem(path: string, kind: OutputKind, rules: OutputRules = {}): Promise<string | null> {
  const absolute = resolve(path);
  const where = rules.dataDir === undefined ? null : await placeIn(rules.dataDir, absolute);
  if (where !== null) {
    return `${absolute} is ${where === 'same' ? '' : 'inside '}the data directory ${resolve(rules.dataDir!)}, which holds the workbench's database, blobs and checkpoints; write the export outside it`;
  }
  const here = await stat(absolute).catch(() => null);
  if (here) {
    if (kind === 'file' && here.isDirectory()) return `${absolute} is a folder; give the path of a file to write`;
    if (kind === 'folder' && !here.isDirectory()) return `${absolute} is a file; give the path of a folder to write into`;
    return (await writable(absolute)) ? null : `${absolute} cannot be written (no permission)`;
  }
  // The nearest existing folder above must be a folder this process can create things in.
  for (let above = dirname(absolute); ; above = dirname(above)) {
    const found = await stat(above).catch(() => null);
    if (found) {
      if (!found.isDirectory()) return `${above} is a file, so ${absolute} cannot be created under it`;
      return (await writable(above)) ? null : `${absolute} cannot be created: ${above} is not writable`;
    }
    if (dirname(above) === above) return null;
  }
}

/** Creates an export folder (and the folders above it). */
export async function createOutputFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw await explained(err, dir, 'folder');
  }
}

export interface OutputFile {
  write(text: string): Promise<void>;
  /** Closes the file and renames it into place: the export succeeded. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file (a no-op after commit): whatever was at the path stays. */
  discard(): Promise<void>;
}

/** Opens a file for writing under a temporary name next to it, creating the folders above it; every write is
 * awaited, so a failure (disk full) rejects the export instead of crashing the process. Nothing replaces
 * `file` until commit(). */
export async function openOutputFile(file: string): Promise<OutputFile> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  let handle: FileHandle;
  try {
    await mkdir(dirname(file), { recursive: true });
    handle = await open(temp, 'wx');
  } catch (err) {
    throw await explained(err, file, 'file');
  }
  let isOpen = true;
  let committed = false;
  const close = async () => {
    if (!isOpen) return;
    isOpen = false;
    await handle.close();
  };
  return {
    async write(text) {
      try {
        await handle.write(text);
      } catch (err) {
        throw new Error(`Writing ${resolve(file)} failed: ${(err as Error).message}`);
      }
    },
    async commit() {
      await close();
      await rename(temp, file);
      committed = true;
    },
    async discard() {
      if (committed) return;
      await close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}

/** One whole file, written under a temporary name and renamed into place: never half a file at `file`. */
export async function writeOutputFile(file: string, text: string): Promise<void> {
  const out = await openOutputFile(file);
  try {
    await out.write(text);
    await out.commit();
  } finally {
    await out.discard();
  }
}

async function explained(err: unknown, path: string, kind: OutputKind): Promise<Error> {
  const reason = (await outputProblem(path, kind)) ?? (err as Error).message;
  return new Error(`Cannot write the export: ${reason}.`);
}

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(() => true, () => false);
}

/** Whether `path` (which need not exist) is `dir` itself ('same'), lies inside it ('inside') or neither (null),
 * once symlinks are followed: the nearest existing path above it is resolved, the rest appended. */
async function placeIn(dir: string, path: string): Promise<'same' | 'inside' | null> {
  const root = await realpath(resolve(dir)).catch(() => resolve(dir));
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    const real = await realpath(existing).catch(() => null);
    if (real !== null) {
      existing = real;
      break;
    }
    if (dirname(existing) === existing) break;
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  const rel = relative(root, join(existing, ...rest));
  if (rel === '') return 'same';
  return !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`) ? 'inside' : null;
}
