import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Core } from '../core';
import { flagNumber, flagString, type ParsedArgs } from './args';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** `serve`: the same UI and API as the desktop app, on 127.0.0.1, for machines without Electron or for a
 * headless GPU box reached from a laptop's browser. Runs until interrupted; returns -1 (keep running). */
export async function serveCommand(args: ParsedArgs, core: Core): Promise<number> {
  const staticDir = flagString(args, 'static') ?? RENDERER_DIR;
  if (!existsSync(staticDir)) throw new Error(`The UI is not built (${staticDir} is missing): run \`npm run build\` first.`);
  // Loaded on demand: `run` and `list` never pay for the web host's imports.
  const { startWebHost } = await import('../host/web-host');
  const host = await startWebHost({
    api: core.api,
    subscribe: (listener) => core.events.subscribe(listener),
    staticDir,
    port: flagNumber(args, 'port', 5175),
    host: flagString(args, 'host') ?? '127.0.0.1',
    blobPath: (hash) => core.store.blobs.pathOf(hash),
  });
  const info = await core.api.info();
  console.log(`MiRA Workbench is serving on ${host.url}`);
  console.log(`  data: ${info.dataDir}   sandbox: ${info.sandboxUrl ?? 'off'}   browser: ${info.browser.executablePath ?? info.browser.problem}`);
  return -1;
}
