// Whether `npm start` must rebuild the renderer: only when a file it is built from is newer than the built
// dist/renderer/index.html (or that is missing). The renderer bundle imports nothing at run time from main/
// (only types), so its inputs are renderer/ plus the dependency manifests.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time (ms) of any file under `path` (a file or a directory), 0 when absent. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Why the renderer in `root`/dist needs building, or null when the build there is up to date. */
export function rendererBuildReason(root: string): string | null {
  const built = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(built)) return 'the renderer has not been built yet';
  const builtAt = statSync(built).mtimeMs;
  for (const input of ['renderer', 'package.json', 'package-lock.json']) {
    if (newestMtime(join(root, input)) > builtAt) return `${input} changed since the last build`;
  }
  return null;
}
