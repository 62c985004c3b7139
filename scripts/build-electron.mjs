#!/usr/bin/env node
// Bundles the Electron shell into dist/electron (issue 18): the main process (with the core), the preload,
// and the trainer and critic fit workers as their own entries (worker_threads loads it by path). Native and browser-driving
// packages stay external and load from node_modules at run time (app.asar/node_modules when packaged).
//
// Format: CommonJS for all three. A sandboxed preload can only be CommonJS, so one format keeps one set of
// rules; CommonJS gives the bundle __dirname, which main/resources/code-location.bundle.ts turns into the app
// root. The source's one `import.meta` (main/resources/code-location.ts) is swapped for that file here, so
// bundled code has none — and any esbuild warning (such as a new `import.meta`) fails the build.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE_LOCATION = fileURLToPath(new URL('../main/resources/code-location.bundle.ts', import.meta.url));

/** Resolves `./code-location` (the source's import.meta-based anchor) to its bundle twin. */
const bundleLocation = {
  name: 'mira-code-location',
  setup(b) {
    b.onResolve({ filter: /[\\/]code-location$/ }, () => ({ path: BUNDLE_LOCATION }));
  },
};

// Loaded from node_modules at run time: native (sqlite3), spawns processes and reads its own files
// (playwright), tfjs and its backends (the wasm backend must share tfjs-core's instance; tfjs-node-gpu is an
// optional native package), and the Gemini SDK.
const NODE_EXTERNALS = ['sqlite3', 'playwright', 'playwright-core', '@tensorflow/*', '@google/genai'];

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20', // the smoke test loads the bundle in this repo's Node (>= 20); Electron's is newer
  format: 'cjs',
  sourcemap: true,
  logLevel: 'info',
  metafile: true,
  plugins: [bundleLocation],
};

const entries = [
  { ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', ...NODE_EXTERNALS] },
  { ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] },
  { ...common, entryPoints: ['main/training/worker/trainer-worker.ts'], outfile: 'dist/electron/trainer-worker.cjs', external: NODE_EXTERNALS },
  { ...common, entryPoints: ['main/training/worker/critic-fit-worker.ts'], outfile: 'dist/electron/critic-fit-worker.cjs', external: NODE_EXTERNALS },
];

// A sandboxed preload runs without Node: `require` there knows only these (Electron's "Process Sandboxing"
// guide), so anything else it imports must be bundled in, or window.mira is never exposed and the app is blank.
const SANDBOXED_PRELOAD_MODULES = new Set(['electron', 'events', 'timers', 'url']);

let warnings = 0;
for (const options of entries) {
  const result = await build(options);
  warnings += result.warnings.length;
  if (options.entryPoints[0] === 'electron/preload.ts') {
    const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('preload.cjs'))[1];
    const loaded = output.imports.filter((i) => i.external).map((i) => i.path);
    const refused = [...new Set(loaded.filter((path) => !SANDBOXED_PRELOAD_MODULES.has(path)))];
    if (refused.length) {
      console.error(`${options.outfile} requires ${refused.join(', ')}, which a sandboxed preload cannot load; bundle it or keep it out of the preload.`);
      warnings++;
    }
  }
  // Belt and braces: an `import.meta` that esbuild did not warn about would still be empty at run time.
  const text = readFileSync(new URL(`../${options.outfile}`, import.meta.url), 'utf8');
  if (/\bimport\.meta\b/.test(text)) {
    console.error(`${options.outfile} contains import.meta, which is empty in CommonJS.`);
    warnings++;
  }
}
if (warnings > 0) {
  console.error(`build:electron failed: ${warnings} warning(s). The bundle must build without any.`);
  process.exit(1);
}
console.log(`build:electron: ${entries.length} entry points, 0 warnings.`);
