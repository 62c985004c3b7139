// The desktop bundle as it ships (issue 18), without Electron's binary: build dist/electron with
// `npm run build:electron` (which fails on any esbuild warning), then load main.cjs and preload.cjs in plain
// Node with a stand-in `electron` module (test/fixtures/electron-stand-in) and use the app through the
// preload's bridge: the core starts over a temp data dir, an oracle episode runs in Chromium, a 1-phase
// training job finishes in the bundled trainer worker, and the IPC handlers check the sender and arguments.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../main/api/methods';
import { openStore } from '../../main/store';
import { PRELOAD_INVOKE_CHANNELS } from '../../electron/channels';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE_DIR = join(ROOT, 'dist', 'electron');

let userData: string;
let build: { status: number | null; output: string };
/** What drive-bundle.cjs observed (its RESULT line). */
let report: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from a child process
let driveOutput = '';

function drive(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'test/fixtures/electron-stand-in/drive-bundle.cjs'), BUNDLE_DIR], {
      cwd: userData, // not the repo: nothing may depend on the working directory
      env: { ...process.env, MIRA_STAND_IN_USER_DATA: userData, MIRA_BROWSER: '', MIRA_DATA_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => (driveOutput += chunk));
    child.stderr.on('data', (chunk) => (driveOutput += chunk));
    child.on('error', fail);
    child.on('exit', (code) => {
      const line = driveOutput.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) {
        report = JSON.parse(line.slice('RESULT '.length));
        done();
      } else fail(new Error(`The bundle driver exited with ${code}:\n${driveOutput.slice(-4000)}`));
    });
  });
}

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'mira-bundle-'));
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build-electron.mjs')], { cwd: ROOT, encoding: 'utf8' });
  build = { status: result.status, output: `${result.stdout}${result.stderr}` };
  if (build.status === 0) await drive();
}, 480_000);
afterAll(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('the Electron bundle (dist/electron) in plain Node', () => {
  it('builds with zero esbuild warnings', () => {
    expect(build.output).not.toMatch(/\[WARNING\]/);
    expect(build.output).toContain('build:electron: 4 entry points, 0 warnings.');
    expect(build.status).toBe(0);
  });

  it('starts the core over its data dir and finds every resource from the bundle', () => {
    expect(report.info).toMatchObject({ mode: 'desktop', dataDir: join(userData, 'data'), version: expect.any(String) });
    expect(report.info.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(report.resourceLog[0]).toContain('bundle layout');
    expect(report.resourceLog.slice(1).map((l: string) => l.trim().split(/\s+/)[0])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']); // prompts, trainer worker, critic fit worker, tfjs wasm, playwright-core
    expect(report.errorBoxes).toEqual([]);
    expect(report.window.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(BUNDLE_DIR, 'preload.cjs') });
    expect(report.window.loaded).toBe('mira-app://workbench/index.html');
    expect(report.singleInstanceLock).toBe(true);
    // Launched from a desktop menu the app has no terminal: its output is kept in the logs folder, keys never.
    expect(report.logFile).toEqual({ exists: true, resources: true, hasPlainKey: false });
  });

  it('serves the renderer over mira-app:// from dist/renderer, and nothing outside it', () => {
    expect(report.appProtocol.page).toEqual({ status: 200, type: 'text/html; charset=utf-8', hasRoot: true, csp: "connect-src 'self'" });
    expect(report.appProtocol.script).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(report.appProtocol.script.bytes).toBeGreaterThan(10_000);
    expect(report.appProtocol.outside).toBe(404);
  });

  it('registers a handler for every channel the preload invokes, and the preload exposes only its two bridges', () => {
    expect(report.handlerChannels).toEqual([...PRELOAD_INVOKE_CHANNELS].sort());
    expect(PRELOAD_INVOKE_CHANNELS.length).toBe(API_METHODS.length + 1);
    expect(report.exposed).toEqual(['mira', 'miraDesktop']);
  });

  it('keeps the window on the renderer and refuses every permission', () => {
    expect(report.navigation).toEqual({ navigateAway: true, redirectAway: true, navigateInside: false, webview: true });
    expect(report.permissions).toEqual({ request: false, check: false });
  });

  it('answers IPC only from the workbench window, with validated arguments', () => {
    expect(report.foreignFrame).toEqual({ ok: false, error: expect.stringContaining('Refused mira:invoke:info: the request did not come from the workbench window.') });
    expect(report.badArguments).toEqual({ ok: false, error: expect.stringMatching(/startRun: argument 0\.taskIds: .*expected array/) });
  });

  it('runs an oracle episode in Chromium and serves its screenshot through the blob protocol', () => {
    expect(report.episode).toMatchObject({ status: 'finished', success: true });
    expect(report.episode.steps).toBeGreaterThan(1);
    expect(report.episode.events).toContain('finished');
    expect(report.episode.blob).toMatchObject({ status: 200 });
    expect(report.episode.blob.bytes).toBeGreaterThan(1000);
    expect(report.episode.blob.jpeg || report.episode.blob.png).toBe(true);
    expect(report.episode.missingBlob).toBe(404);
  });

  it('trains a 1-phase job in the bundled trainer worker', () => {
    expect(report.training.error).toBeNull();
    expect(report.training.status).toBe('finished');
    expect(report.training.phases).toEqual([{ phase: 0, checkpoint: expect.stringContaining(join(userData, 'data', 'training')), testEpisodes: 1 }]);
    expect(report.training.checkpointsExist).toEqual([true]);
    // The worker ran from the bundle: the backends it could not load were looked up from trainer-worker.cjs.
    const tried = report.training.backend.attempts.filter((a: { ok: boolean }) => !a.ok).map((a: { reason: string }) => a.reason);
    for (const reason of tried) expect(reason).toContain(join(BUNDLE_DIR, 'trainer-worker.cjs'));
    expect(report.training.backend.name).toMatch(/^(tensorflow-gpu|tensorflow|wasm|cpu)$/);
  });

  it('keeps API keys sealed by safeStorage, never in plain text', () => {
    expect(report.secret.status).toMatchObject({ set: true, hint: '…7890', storage: 'os-keychain' });
    expect(report.secret.status.warning).toBeUndefined();
    expect(report.secret.fileHasPlainKey).toBe(false);
  });

  it('picks a browser through the native dialog only after the user confirms', () => {
    expect(report.pickCancelled).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(report.confirmation).toEqual({ message: `Use ${report.fakeBrowser} as the workbench's browser?`, buttons: ['Use this browser', 'Cancel'] });
    expect(report.pickSaved).toEqual({ ok: true, value: { status: 'saved', browser: { executablePath: report.fakeBrowser, source: 'configured', problem: null } } });
    expect(report.browserAfterPick.executablePath).toBe(report.fakeBrowser);
  });

  it('quits after closing the core, and the closed window leaves no handler behind', () => {
    expect(report.quit).toBe(true);
    expect(report.handlersAfterClose).toBe(0);
  });

  it('quitting mid-episode cancels the run first: the cut episode is recorded as cancelled, not as a browser failure', async () => {
    const store = await openStore(join(userData, 'data'), { readOnly: true });
    try {
      expect((await store.runs.get(report.quitMidRun.runId))?.status).toBe('interrupted');
      const [cut] = await store.episodes.list({ runId: report.quitMidRun.runId });
      expect(cut).toMatchObject({ taskId: report.quitMidRun.taskId, status: 'interrupted', stopReason: 'cancelled', success: null });
      expect(cut.stepCount).toBeGreaterThanOrEqual(1);
    } finally {
      await store.close();
    }
  });
});
