#!/usr/bin/env node
// The whole test suite, as CI and developers run it: type-check all three programs, the layering rules,
// unit + integration tests (vitest, real Chromium and SQLite), then the renderer build and the e2e tests in
// real Chromium against web mode. Prints one closing line "N passed, N failed" across all of them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const results = [];
function step(name, cmd, args, { json } = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  let passed = 0;
  let failed = 0;
  if (json && existsSync(json)) {
    try {
      const report = JSON.parse(readFileSync(json, 'utf8'));
      if ('numPassedTests' in report) {
        passed = report.numPassedTests;
        failed = report.numFailedTests;
      } else if (report.stats) {
        passed = report.stats.expected ?? 0;
        failed = (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
      }
    } catch {
      // fall through: judged by exit status
    }
  }
  if (!json) ok ? passed++ : failed++;
  else if (!ok && failed === 0) failed = 1; // the runner failed before reporting
  results.push({ name, ok, passed, failed, seconds: (Date.now() - started) / 1000 });
  return ok;
}

mkdirSync('test-results', { recursive: true });
const only = process.argv[2];
if (!only || only === 'static') {
  step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  step('typecheck renderer', 'npx', ['tsc', '-p', 'renderer/tsconfig.json', '--noEmit']);
  step('typecheck electron', 'npx', ['tsc', '-p', 'electron/tsconfig.json', '--noEmit']);
}
if (!only || only === 'unit') {
  step('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'], {
    json: 'test-results/vitest.json',
  });
}
if (!only || only === 'e2e') {
  if (step('renderer build', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])) {
    // Playwright resolves this against the config's folder; an absolute path keeps it beside vitest.json.
    process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = resolve('test-results/e2e.json');
    step('e2e (web mode, Chromium)', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'], {
      json: 'test-results/e2e.json',
    });
    // Screenshots of each view, kept as artifacts outside Playwright's outputDir (which it empties per run).
    if (existsSync('test-results/screenshots')) console.log(`view screenshots: test-results/screenshots/ (${readdirSync('test-results/screenshots').length} files)`);
  }
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.passed} passed, ${r.failed} failed, ${r.seconds.toFixed(0)}s)`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
