// `npm start`: opens the workbench as a desktop window where Electron can run, and otherwise serves the same
// UI on 127.0.0.1 and prints the URL to open, with its per-process access token (headless servers, CI-like
// boxes, machines where Electron's binary cannot be downloaded; README "Security"). MIRA_MODE=web|desktop
// forces a mode; extra arguments (--port N, --host …) go to `serve`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rendererBuildReason } from './renderer-freshness';
import { buildQuietly } from './quiet-build';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function tryDownloadElectron(): boolean {
  if (!existsSync(join(electronDir, 'install.js'))) return false;
  console.log('Fetching the Electron binary (first desktop start)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', timeout: 120_000 });
  return result.status === 0 && electronBinary() !== null;
}

function chooseMode(): { mode: 'desktop' | 'web'; why: string } {
  const forced = process.env.MIRA_MODE;
  if (forced === 'web') return { mode: 'web', why: 'MIRA_MODE=web' };
  if (!hasDisplay()) return { mode: 'web', why: 'no display on this machine' };
  if (electronBinary() || tryDownloadElectron()) return { mode: 'desktop', why: 'Electron is available' };
  if (forced === 'desktop') throw new Error('MIRA_MODE=desktop, but the Electron binary is missing and could not be downloaded.');
  return { mode: 'web', why: "Electron's binary is not available" };
}

// Rebuilding the renderer costs seconds; skip it when dist/ is newer than every source it comes from.
const buildReason = rendererBuildReason(root);
if (buildReason) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // vite's chunk list and size warnings are for us, not for a person starting the app (quiet-build.ts).
  const built = buildQuietly(`Building the UI (${buildReason})`, npm, ['run', 'build'], root);
  if (!built.ok) process.exit(built.status || 1);
}

const { mode, why } = chooseMode();
const extra = process.argv.slice(2);
// Windows has no process groups to leave (and detached there opens a new console window).
const ownGroup = process.platform !== 'win32';
let child;
if (mode === 'desktop') {
  console.log(`Starting the desktop app (${why}).`);
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-electron.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  child = spawn(electronBinary()!, [root, ...extra], { stdio: 'inherit', detached: ownGroup });
} else {
  console.log(`Serving the workbench in web mode (${why}).`);
  // MIRA_PARENT_PID: the server shuts down should this script be killed outright (main/cli/signals.ts).
  child = spawn(process.execPath, ['--import', 'tsx', join(root, 'main/cli/index.ts'), 'serve', ...extra], {
    stdio: 'inherit', detached: ownGroup, env: { ...process.env, MIRA_PARENT_PID: String(process.pid) },
  });
}
// Ctrl-C in a terminal signals every process of the foreground group (npm, this script, the app), and npm
// forwards it once more; the app reads a second SIGINT as "exit at once, skip recording the cut episodes"
// (main/cli/signals.ts). So the app runs in its own process group and hears each press once, from here:
// copies of one signal that arrive together are one press. A closed terminal (SIGHUP) reaches only this
// script now: it becomes a SIGTERM for the app, which then shuts down as on Ctrl-C; so does Ctrl-\ (SIGQUIT).
const SAME_PRESS_MS = 500;
let lastForwarded = { signal: '', at: 0 };
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) {
  process.on(signal, () => {
    const now = Date.now();
    if (signal === lastForwarded.signal && now - lastForwarded.at < SAME_PRESS_MS) return;
    lastForwarded = { signal, at: now };
    child.kill(signal === 'SIGHUP' || signal === 'SIGQUIT' ? 'SIGTERM' : signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
