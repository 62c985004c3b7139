// Where an export (or a study report) is written: the folders it needs are created, and a path that cannot be
// written is refused with one sentence that names it and why, before any work (and instead of a stream's
// unhandled 'error' event or a bare EEXIST).
import { constants } from 'node:fs';
import { access, mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export type OutputKind = 'file' | 'folder';

/** Why `path` cannot be written as a file or a folder (the folders above it created as needed), or null when
 * it can. Creates nothing. */
export async function outputProblem(path: string, kind: OutputKind): Promise<string | null> {
  const absolute = resolve(path);
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

/** Opens a file for writing, creating the folders above it; every write is awaited, so a failure (disk full)
 * rejects the export instead of crashing the process. */
export async function openOutputFile(file: string): Promise<{ write(text: string): Promise<void>; close(): Promise<void> }> {
  let handle: FileHandle;
  try {
    await mkdir(dirname(file), { recursive: true });
    handle = await open(file, 'w');
  } catch (err) {
    throw await explained(err, file, 'file');
  }
  return {
    async write(text) {
      try {
        await handle.write(text);
      } catch (err) {
        throw new Error(`Writing ${resolve(file)} failed: ${(err as Error).message}`);
      }
    },
    close: () => handle.close(),
  };
}

async function explained(err: unknown, path: string, kind: OutputKind): Promise<Error> {
  const reason = (await outputProblem(path, kind)) ?? (err as Error).message;
  return new Error(`Cannot write the export: ${reason}.`);
}

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(() => true, () => false);
}
