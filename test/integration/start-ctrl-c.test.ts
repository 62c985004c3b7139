// `npm start` and Ctrl-C (the first-hour audit of 2026-12-05): a terminal's Ctrl-C signals the whole
// foreground process group, and npm forwards it to the script once more. The web server used to share that
// group and hear one press two or three times, which it reads as "Ctrl-C again: exit at once", so the
// graceful shutdown (cut episodes recorded as cancelled, the browser closed) never ran. One press must reach
// the server once.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useTempDir } from '../helpers/use-core';

const ROOT = join(import.meta.dirname, '../..');
const data = useTempDir('mira-start-ctrl-c-');

interface Started {
  start: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** `scripts/start.ts` in web mode in its own process group, like a shell's foreground job (--port 0: any free
 * port), once it has printed its URL. */
async function startServing(): Promise<Started> {
  const start = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/start.ts'), '--port', '0'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MIRA_MODE: 'web', MIRA_DATA_DIR: data.path },
  });
  let output = '';
  start.stdout!.on('data', (d) => (output += d));
  start.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => start.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 240_000;
  while (!output.includes('?token=')) {
    if (start.exitCode !== null || Date.now() > deadline) {
      killGroups([start.pid]);
      throw new Error(`the server never printed its URL: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { start, output: () => output, exited };
}

/** Whatever is left of these process groups. */
function killGroups(pids: Array<number | undefined>): void {
  for (const pid of pids) {
    try {
      if (pid) process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('one Ctrl-C (to the process group, plus npm\'s forwarded copy) shuts the web server down gracefully', { timeout: 300_000 }, async () => {
  const { start, output, exited } = await startServing();
  try {
    // The terminal's Ctrl-C (the whole group), then npm's forwarded copy to the script.
    process.kill(-start.pid!, 'SIGINT');
    process.kill(start.pid!, 'SIGINT');
    const code = await exited;
    expect(output()).toContain('SIGINT: cancelling active runs');
    expect(output()).not.toContain('SIGINT again');
    expect(code, output()).toBe(130);
  } finally {
    killGroups([start.pid]); // the server, should the script have died first
  }
});

// The security review of the eighth session: with the server in its own process group, a starter killed outright
// (SIGKILL, an OOM kill) left the server serving its token on the port. It now shuts down once its parent is gone.
it('the web server shuts itself down when npm start\'s script is killed outright', { timeout: 300_000 }, async () => {
  const { start, output } = await startServing();
  let server = 0;
  try {
    server = Number(execFileSync('ps', ['-o', 'pid=', '--ppid', String(start.pid)], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
    expect(server).toBeGreaterThan(0);
    process.kill(start.pid!, 'SIGKILL');
    const gone = Date.now() + 120_000;
    while (alive(server)) {
      if (Date.now() > gone) throw new Error(`the server (pid ${server}) still runs two minutes after its starter was killed: ${output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output()).toContain('SIGTERM: cancelling active runs');
  } finally {
    killGroups([server, start.pid]);
  }
});
