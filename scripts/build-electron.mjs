// Bundles the Electron shell (main process + preload) with the core into dist/electron. Native and
// browser-driving packages stay external and load from node_modules at run time.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'info' };
await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist/electron/main.cjs',
  external: ['electron', 'sqlite3', 'playwright', 'playwright-core', '@tensorflow/*', '@google/genai'],
});
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
