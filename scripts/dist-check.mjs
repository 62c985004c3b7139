#!/usr/bin/env node
// `npm run dist:check` (issue 18): packages the app with `electron-builder --dir` against a stand-in
// Electron (no download: docs/design/STACK.md §7), then proves the packaged file list — what must be unpacked
// is unpacked, no tests or TypeScript sources ship, the fuses are set — prints the size and a summary, and
// runs the packaged app's own files (extracted as Electron would show them) through the bundle driver: the
// core starts, an oracle episode runs and a 1-phase training job finishes with every resource found through
// app.asar.unpacked. Exits non-zero when a check fails. `--no-run` skips the run of the packaged files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAsar, listAsar, readAsarFile } from './dist/asar.mjs';
import { readFuses } from './dist/fuses.mjs';
import { makeStandInElectronDist } from './dist/stand-in-electron-dist.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const run = (title, command, args) => {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`dist:check: ${title} failed (exit ${result.status}).`);
    process.exit(1);
  }
};
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));

// 1. What gets packaged: the renderer (rebuilt unless newer than its sources) and the Electron bundle
// (always rebuilt; it fails on any esbuild warning).
const newest = (dir) => Math.max(0, ...walk(join(ROOT, dir)).map((f) => statSync(f).mtimeMs));
const builtRenderer = join(ROOT, 'dist/renderer/index.html');
if (!existsSync(builtRenderer) || statSync(builtRenderer).mtimeMs < Math.max(newest('renderer'), newest('main/api'))) {
  run('renderer build', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
} else console.log('renderer build: dist/renderer is newer than its sources, reused');
run('electron bundle', process.execPath, ['scripts/build-electron.mjs']);

// 2. electron-builder --dir with the stand-in Electron; output outside dist/packages so real builds stay.
const work = mkdtempSync(join(tmpdir(), 'mira-dist-check-'));
const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
const electronDist = makeStandInElectronDist(join(work, 'electron-dist'), electronVersion);
const output = join(work, 'packages');
run('electron-builder --dir', 'npx', [
  'electron-builder', '--dir', '--linux', '--x64', '--publish', 'never',
  `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`,
]);

// 3. The packaged file list.
const appOut = join(output, 'linux-unpacked');
const resourcesDir = join(appOut, 'resources');
const archive = join(resourcesDir, 'app.asar');
console.log(`\n=== packaged app: ${appOut}`);
check(existsSync(archive) && !existsSync(join(resourcesDir, 'app')), 'the app is one app.asar (OnlyLoadAppFromAsar has nothing else to load)');
const files = listAsar(archive);
const unpackedOnDisk = walk(join(resourcesDir, 'app.asar.unpacked')).map((f) => relative(join(resourcesDir, 'app.asar.unpacked'), f).split('\\').join('/'));
const packed = files.filter((f) => !f.unpacked);
const unpacked = files.filter((f) => f.unpacked);
const has = (path) => files.some((f) => f.path === path);

for (const entry of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/trainer-worker.cjs', 'dist/electron/critic-fit-worker.cjs', 'dist/renderer/index.html', 'resources/prompts/policy-react.md']) {
  check(has(entry), `ships ${entry}`);
}
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const isUnpacked = (path) => unpacked.some((f) => f.path === path) && unpackedOnDisk.includes(path);
check(isUnpacked('node_modules/sqlite3/build/Release/node_sqlite3.node'), "sqlite3's native module is unpacked");
check(isUnpacked('node_modules/playwright-core/package.json') && isUnpacked('node_modules/playwright-core/cli.js'), 'playwright-core (the driver package) is unpacked');
const wasm = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'].map((f) => `node_modules/@tensorflow/tfjs-backend-wasm/dist/${f}`);
check(wasm.every(isUnpacked), 'the tfjs wasm binaries are unpacked');
check(files.filter((f) => f.path.endsWith('.node')).every((f) => f.unpacked), 'no native .node file is left inside the archive');
const sources = files.filter((f) => /^(test|main|electron|renderer|scripts|docs)\//.test(f.path) || (/\.(ts|tsx|mts|cts)$/.test(f.path)));
check(sources.length === 0, `no tests or TypeScript sources ship${sources.length ? `: ${sources.slice(0, 5).map((f) => f.path).join(', ')}` : ''}`);
check(!files.some((f) => f.path.endsWith('.map')), 'no source maps ship');
const devOnly = Object.keys(packageJson.devDependencies).filter((name) => files.some((f) => f.path.startsWith(`node_modules/${name}/`)));
check(devOnly.length === 0, `no devDependencies ship${devOnly.length ? `: ${devOnly.join(', ')}` : ''}`);
const shippedPackage = JSON.parse(readAsarFile(archive, 'package.json').toString('utf8'));
check(shippedPackage.main === 'dist/electron/main.cjs', `the packaged package.json starts dist/electron/main.cjs (${shippedPackage.main})`);

// 4. Fuses, read back from the packaged binary.
const binary = join(appOut, packageJson.name);
const { fuses } = readFuses(binary);
const wanted = {
  RunAsNode: 'off',
  EnableNodeOptionsEnvironmentVariable: 'off',
  EnableNodeCliInspectArguments: 'off',
  EnableEmbeddedAsarIntegrityValidation: 'on',
  OnlyLoadAppFromAsar: 'on',
  EnableCookieEncryption: 'on',
  GrantFileProtocolExtraPrivileges: 'off',
};
for (const [name, state] of Object.entries(wanted)) check(fuses[name] === state, `fuse ${name} is ${state} (${fuses[name]})`);

// 5. Size and summary.
const appSize = statSync(archive).size + unpackedOnDisk.reduce((n, f) => n + statSync(join(resourcesDir, 'app.asar.unpacked', f)).size, 0);
const groups = new Map();
for (const f of files) {
  const parts = f.path.split('/');
  const group = parts[0] === 'node_modules' ? `node_modules/${parts[1].startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]}` : parts.slice(0, 2).join('/');
  const g = groups.get(group) ?? { files: 0, bytes: 0, unpacked: 0 };
  g.files++;
  g.bytes += f.size;
  if (f.unpacked) g.unpacked++;
  groups.set(group, g);
}
console.log(`\n=== file list summary: ${files.length} files (${packed.length} in app.asar, ${unpacked.length} unpacked), app ${mib(appSize)} (app.asar ${mib(statSync(archive).size)})`);
for (const [group, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 25)) {
  console.log(`  ${mib(g.bytes).padStart(10)}  ${String(g.files).padStart(5)} files${g.unpacked ? ` (${g.unpacked} unpacked)` : ''}  ${group}`);
}
if (groups.size > 25) console.log(`  … ${groups.size - 25} more groups`);
console.log('unpacked natives and binaries:');
for (const f of unpacked.filter((u) => /\.(node|wasm)$/.test(u.path))) console.log(`  ${mib(f.size).padStart(10)}  ${f.path}`);
console.log('fuses:', Object.entries(fuses).map(([k, v]) => `${k}=${v}`).join(' '));

// 6. The packaged files at work: extracted as Electron presents them, outside the repo (so nothing resolves
// from this checkout's node_modules), and driven like the bundle test drives dist/electron.
if (!process.argv.includes('--no-run')) {
  const extracted = join(work, 'run', 'resources');
  extractAsar(archive, join(extracted, 'app.asar'));
  run('copy app.asar.unpacked', 'cp', ['-r', join(resourcesDir, 'app.asar.unpacked'), join(extracted, 'app.asar.unpacked')]);
  const userData = join(work, 'user-data');
  const driver = spawnSync(process.execPath, [join(ROOT, 'test/fixtures/electron-stand-in/drive-bundle.cjs'), join(extracted, 'app.asar', 'dist', 'electron')], {
    cwd: work, encoding: 'utf8', env: { ...process.env, MIRA_STAND_IN_USER_DATA: userData, MIRA_BROWSER: '', MIRA_DATA_DIR: '' }, timeout: 600_000,
  });
  const line = (driver.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '));
  console.log('\n=== the packaged files, run in Node with the stand-in electron module');
  if (!line) {
    console.log(`${driver.stdout ?? ''}${driver.stderr ?? ''}`.slice(-4000));
    check(false, 'the packaged main.cjs starts and the driver finishes');
  } else {
    const report = JSON.parse(line.slice('RESULT '.length));
    for (const l of report.resourceLog) console.log(`  ${l.trim()}`);
    check(report.resourceLog[0].includes('asar layout'), 'the resolver sees the asar layout');
    const unpackedRoot = `${join(extracted, 'app.asar.unpacked')}/`;
    check(report.resourceLog.some((l) => l.includes('tfjs wasm binary') && l.includes(unpackedRoot)), 'tfjs wasm binaries are found in app.asar.unpacked');
    check(report.resourceLog.some((l) => l.includes('playwright-core') && l.includes(unpackedRoot)), 'playwright-core is found in app.asar.unpacked');
    check(report.resourceLog.slice(1).every((l) => l.trim().startsWith('ok')), 'every resource is present');
    const served = report.appProtocol;
    check(served.page?.status === 200 && served.page.hasRoot && served.script?.status === 200 && /javascript/.test(served.script.type) && served.outside === 404,
      `mira-app:// serves the renderer from the archive and nothing outside it (page ${served.page?.status ?? served.error}, script ${served.script?.status} ${served.script?.type}, outside ${served.outside})`);
    check(report.episode?.status === 'finished' && report.episode.success === true, `an oracle episode runs (${report.episode?.taskId}: ${report.episode?.status})`);
    check(report.training?.status === 'finished', `a 1-phase training job finishes in the packaged worker (backend ${report.training?.backend?.name})`);
  }
}

rmSync(work, { recursive: true, force: true });
console.log(`\ndist:check: ${failures.length ? `${failures.length} check(s) failed` : 'all checks passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
process.exit(failures.length ? 1 : 0);
