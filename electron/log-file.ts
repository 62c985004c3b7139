// The desktop app's output, also kept in a file. Started from a desktop menu, the Dock or the Start menu, the app's
// stdout and stderr go nowhere, yet they are the record of what went wrong outside the UI: the resources found at
// start (main.ts), a run whose analysis failed, a training job that could not be saved, the trainer worker's
// progress. Each start keeps the previous session's file as main.old.log. No `electron` import: main.ts passes
// the folder (Electron's logs path) in.
import { appendFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** The part of a writable stream that is wrapped: process.stdout / process.stderr. */
export interface WritableLike {
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean;
}

/** Copies everything written to `streams` into `dir`/main.log from now on (worker threads' output included:
 * Node forwards it to these streams). Returns the file's path. Writing the file never breaks the console:
 * after a failed write (disk full, folder removed) the file is left alone. */
export function keepOutputInFile(dir: string, streams: WritableLike[]): string {
  const file = join(dir, 'main.log');
  let usable = true;
  try {
    mkdirSync(dir, { recursive: true });
    renameSync(file, join(dir, 'main.old.log'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') usable = false;
  }
  const append = (chunk: string | Uint8Array) => {
    if (!usable) return;
    try {
      // Synchronous: the lines written just before a crash or app.exit are the ones that matter most.
      appendFileSync(file, chunk, { mode: 0o600 });
    } catch {
      usable = false;
    }
  };
  append(`--- MiRA Workbench started ${new Date().toISOString()} (pid ${process.pid})\n`);
  for (const stream of streams) {
    const write = stream.write.bind(stream);
    stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(chunk);
      return write(chunk, ...rest);
    };
  }
  return file;
}
