// `npm run bench -- start`: time from `npm start` (web mode, on a tree whose renderer is already built) to
// the "serving on" line, so a start that rebuilds the renderer and one that reuses dist/ can be compared.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row } from './stats';

const root = join(import.meta.dirname, '..', '..');

/** Starts `npm start` once and resolves with the milliseconds until it prints that it is serving. */
async function timeToServing(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--', '--port', '0'], {
    cwd: root,
    env: { ...process.env, MIRA_MODE: 'web', MIRA_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so npm, tsx and the server end together
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/serving on/.test(output)) resolve(performance.now() - started);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before serving:\n${output.slice(-2000)}`)));
    });
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function benchStart(samples = 3): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mira-bench-start-'));
  try {
    const times: number[] = [];
    for (let i = 0; i < samples; i++) times.push(await timeToServing(dataDir));
    console.log(row(`npm start (MIRA_MODE=web) → "serving on" (${samples} starts)`, times));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
