// `npm start`'s renderer build, quietly (the first-hour audit of 2026-12-05): vite's full output — every chunk,
// "(!) Some chunks are larger than 500 kB", its timings — alarmed a new user on the first start. The build's
// output is kept and shown only when it fails; otherwise one line says what was built and how long it took.
import { spawnSync } from 'node:child_process';

export interface QuietBuild {
  ok: boolean;
  /** The exit status (null: ended by a signal or could not start). */
  status: number | null;
  /** What the build wrote: its stdout, then its stderr. */
  output: string;
  ms: number;
}

/** Runs `command args…` in `cwd` with its output captured, writing "<what>… built in N s." (or "failed")
 * and, on failure, the whole captured output to `write`. */
export function buildQuietly(what: string, command: string, args: string[], cwd: string, write: (text: string) => void = (t) => process.stdout.write(t)): QuietBuild {
  write(`${what}… `);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' });
  const ms = performance.now() - started;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error.message}\n` : ''}`;
  const ok = result.status === 0 && !result.error;
  if (ok) {
    write(`built in ${(ms / 1000).toFixed(1)} s.\n`);
  } else {
    write(`failed after ${(ms / 1000).toFixed(1)} s (exit ${result.status ?? result.signal ?? 'not started'}). Its output:\n${output}${output.endsWith('\n') ? '' : '\n'}`);
  }
  return { ok, status: result.status, output, ms };
}
