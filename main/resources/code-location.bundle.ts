// Where the running code sits, inside the Electron bundle: every entry point (main.cjs, the trainer
// worker) is emitted to dist/electron/, so the app root is two folders up from the bundle's own folder —
// in a packaged app that is …/resources/app.asar. Swapped in for code-location.ts at bundle time.
import { resolve } from 'node:path';
import type { CodeLocation } from './code-location';

export const CODE_LOCATION: CodeLocation = {
  appRoot: resolve(__dirname, '../..'),
  bundleDir: __dirname,
};
