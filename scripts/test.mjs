#!/usr/bin/env node
// The whole test suite, as CI and developers run it (README "Tests"): type-check the three programs, then
// build the renderer, then two tracks at once — unit + integration tests (vitest; real Chromium and SQLite) and
// the e2e tests (Playwright; real Chromium against web mode). Neither track keeps both cores busy alone (the
// tests wait on browsers and servers), so together they finish sooner. Each stage prints its time as it ends;
// the summary closes with "N passed, N failed" across all of them and the total time.
//   node scripts/test.mjs [static|unit|e2e|dist] [--full]
// `--full` (npm run test:full) sweeps every sandbox family and instance with every baseline (MIRA_TEST_FULL=1);
// without it the sweep runs a rotating third of the families (test/helpers/sweep-selection.ts).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args.find((a) => !a.startsWith('--'));
if (full) process.env.MIRA_TEST_FULL = '1';
const started = Date.now();
const results = [];
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(0);

/** Runs one stage. Output streams through unless `log` is given: then it goes to that file and is printed
 * when the stage ends, so stages running side by side do not interleave. */
function stage(name, cmd, cmdArgs, { json, log } = {}) {
  const since = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${cmdArgs.join(' ')}${log ? `  (output: ${log})` : ''}`);
  return new Promise((done) => {
    const child = spawn(cmd, cmdArgs, { stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    const file = log ? createWriteStream(log) : null;
    child.stdout?.pipe(file, { end: false });
    child.stderr?.pipe(file, { end: false });
    child.on('error', (err) => file?.write(`${err.message}\n`));
    child.on('close', async (code) => {
      if (file) {
        await new Promise((r) => file.end(r));
        process.stdout.write(`\n--- output of ${name}:\n${readFileSync(log, 'utf8')}`);
      }
      const result = { name, ok: code === 0, ...counts(json, code === 0), seconds: (Date.now() - since) / 1000 };
      results.push(result);
      console.log(`=== ${name}: ${result.ok ? 'ok' : 'FAILED'} in ${result.seconds.toFixed(0)}s (${seconds(started)}s since the start)`);
      done(result.ok);
    });
  });
}

/** Passed and failed tests from a runner's JSON report; a stage without one counts as one check. */
function counts(json, ok) {
  if (!json) return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  let passed = 0;
  let failed = 0;
  if (existsSync(json)) {
    try {
      const report = JSON.parse(readFileSync(json, 'utf8'));
      if ('numPassedTests' in report) ({ numPassedTests: passed, numFailedTests: failed } = report);
      else if (report.stats) {
        passed = report.stats.expected ?? 0;
        failed = (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
      }
    } catch {
      // judged by the exit status below
    }
  }
  if (!ok && failed === 0) failed = 1; // the runner failed before reporting
  return { passed, failed };
}

const typecheck = () =>
  Promise.all([
    stage('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], { log: 'test-results/typecheck.log' }),
    stage('typecheck renderer', 'npx', ['tsc', '-p', 'renderer/tsconfig.json', '--noEmit'], { log: 'test-results/typecheck-renderer.log' }),
    stage('typecheck electron', 'npx', ['tsc', '-p', 'electron/tsconfig.json', '--noEmit'], { log: 'test-results/typecheck-electron.log' }),
  ]);

const vitest = () =>
  stage('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'], {
    json: 'test-results/vitest.json',
  });

// Before both tracks, not inside the e2e one: vite empties dist/renderer first, and integration tests read it too
// (the desktop bundle serves it over mira-app://; `npm start` rebuilds it when index.html is missing), so a test
// that ran during the build saw a 404 or started a second build.
const buildRenderer = (log) =>
  stage('renderer build', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { log: log && 'test-results/renderer-build.log' });

async function e2e(log) {
  // Playwright resolves this against the config's folder; an absolute path keeps it beside vitest.json.
  process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = resolve('test-results/e2e.json');
  await stage('e2e (web mode, Chromium)', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'], {
    json: 'test-results/e2e.json',
    log: log && 'test-results/e2e.log',
  });
  // Screenshots of each view, kept as artifacts outside Playwright's outputDir (which it empties per run).
  if (existsSync('test-results/screenshots')) console.log(`view screenshots: test-results/screenshots/ (${readdirSync('test-results/screenshots').length} files)`);
}

mkdirSync('test-results', { recursive: true });
if (full) console.log('Full run: every sandbox family and instance, every baseline (MIRA_TEST_FULL=1).');
if (!only || only === 'static') await typecheck();
if (!only) {
  const built = await buildRenderer(true);
  await Promise.all([vitest(), built ? e2e(true) : null]);
} else if (only === 'unit') {
  await buildRenderer(false);
  await vitest();
} else if (only === 'e2e' && (await buildRenderer(false))) await e2e(false);
// The packaged desktop app (issue 18): electron-builder --dir against a stand-in Electron, its file list, fuses
// and a run of the packaged files. Last, alone: it rebuilds dist/electron, which the bundle smoke test also uses.
if (!only || only === 'dist') await stage('desktop package check', 'npm', ['run', '--silent', 'dist:check'], { log: 'test-results/dist-check.log' });

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.passed} passed, ${r.failed} failed, ${r.seconds.toFixed(0)}s)`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed in ${seconds(started)}s`);
process.exit(results.length > 0 && results.every((r) => r.ok) ? 0 : 1);
