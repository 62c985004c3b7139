// Where the running code sits, from source (tsx, vitest): this file is main/resources/code-location.ts, so
// the app root is two folders up. The Electron build swaps this module for code-location.bundle.ts
// (scripts/build-electron.mjs), so bundled code never contains `import.meta` (issue 18).
import { fileURLToPath } from 'node:url';

export interface CodeLocation {
  /** The folder holding package.json, resources/ and node_modules/ (…/app.asar in a packaged app). */
  appRoot: string;
  /** The folder of the bundled entry points (dist/electron), or null when running from source. */
  bundleDir: string | null;
}

export const CODE_LOCATION: CodeLocation = {
  appRoot: fileURLToPath(new URL('../../', import.meta.url)),
  bundleDir: null,
};
