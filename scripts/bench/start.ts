// `npm run bench -- start`: time from `npm start` (web mode, on a tree whose renderer is already built) to
// the "serving on" line, so a start that rebuilds the renderer and one that reuses dist/ can be compared; and
// the time the server then takes to shut down cleanly after a SIGTERM.
// The server runs in its own process group (scripts/start.ts) and shuts down gracefully, in a second or two
// (main/cli/signals.ts). So each sample signals that group and waits until every process of the start has
// exited before the next start opens the same data folder.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row } from './stats';

const root = join(import.meta.dirname, '..', '..');
/** A clean shutdown takes 1–2 s (up to signals.ts's 10 s grace with runs active); past this it is hung. */
const STOP_TIMEOUT_MS = 60_000;

interface StartSample {
  /** `npm start` → "serving on". */
  toServing: number;
  /** SIGTERM to the server's group → npm, start.ts and the server all exited. */
  toStopped: number;
}

/** The pids below `pid` (children, their children …), from `ps`. */
function descendants(pid: number): { pid: number; pgid: number }[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid='], { encoding: 'utf8' })
    .trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
  const found: { pid: number; pgid: number }[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [child, ppid, pgid] of table) {
      if (ppid === parent) (found.push({ pid: child, pgid }), queue.push(child));
    }
  }
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const killGroup = (pgid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
};

/** Starts `npm start` once, times it to "serving on", then stops the server and times its exit. */
async function startAndStop(dataDir: string): Promise<StartSample> {
  const started = performance.now();
  const npm = spawn('npm', ['start', '--', '--port', '0'], {
    cwd: root,
    env: { ...process.env, MIRA_MODE: 'web', MIRA_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // a group of its own, like a shell's foreground job
  });
  let output = '';
  // 'close' comes once every process holding npm's output pipes has exited: npm, start.ts and the server.
  const closed = new Promise<void>((resolve) => npm.on('close', () => resolve()));
  let serverGroup: number | null = null;
  try {
    const toServing = await new Promise<number>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/serving on/.test(output)) resolve(performance.now() - started);
      };
      npm.stdout.on('data', onData);
      npm.stderr.on('data', onData);
      npm.on('exit', (code) => reject(new Error(`npm start exited (${code}) before serving:\n${output.slice(-2000)}`)));
    });
    // The server leads its own process group (start.ts spawns it detached); signal that group, as start.ts
    // does on Ctrl-C or a closed terminal. Without one (no process groups), npm's group: start.ts forwards it.
    serverGroup = descendants(npm.pid!).find((p) => p.pid === p.pgid)?.pgid ?? null;
    const stopping = performance.now();
    killGroup(serverGroup ?? npm.pid!, 'SIGTERM');
    const hung = await Promise.race([closed.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), STOP_TIMEOUT_MS).unref())]);
    while (!hung && serverGroup !== null && alive(serverGroup)) await new Promise((r) => setTimeout(r, 20));
    if (hung) throw new Error(`npm start did not exit within ${STOP_TIMEOUT_MS / 1000} s of a SIGTERM to the server:\n${output.slice(-2000)}`);
    return { toServing, toStopped: performance.now() - stopping };
  } finally {
    // Whatever is left of a failed or hung start: its groups (npm's, the server's), at once.
    const groups = new Set([npm.pid!, ...(serverGroup === null ? [] : [serverGroup])]);
    if (alive(npm.pid!)) for (const p of descendants(npm.pid!)) groups.add(p.pgid);
    for (const group of groups) killGroup(group, 'SIGKILL');
  }
}

export async function benchStart(samples = 3): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mira-bench-start-'));
  try {
    const runs: StartSample[] = [];
    for (let i = 0; i < samples; i++) runs.push(await startAndStop(dataDir));
    console.log(row(`npm start (MIRA_MODE=web) → "serving on" (${samples} starts)`, runs.map((r) => r.toServing)));
    console.log(row('SIGTERM to the server → every process exited', runs.map((r) => r.toStopped)));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
