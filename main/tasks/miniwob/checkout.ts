// Where the user's miniwob-plusplus checkout is (docs/design/WEBARENA.md §5): a setting or MINIWOB_DIR. Task
// pages live in <checkout>/miniwob/html/miniwob/*.html and load shared JS from html/core/, so the html
// folder is what gets served. Accepts the repository root, its miniwob/ package folder, or the html folder.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface MiniWobCheckout {
  /** The folder served over HTTP: it holds miniwob/ (task pages) and core/ (core.js). */
  htmlDir: string;
  /** Task names: page names without .html, sorted, then the flight tasks (flight.<site>). */
  tasks: string[];
}

export class MiniWobSetupError extends Error {}

/** MINIWOB_DIR from the environment, or null when unset or blank. */
export function miniwobDirFromEnv(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.MINIWOB_DIR?.trim();
  return value ? value : null;
}

export async function openMiniWobCheckout(dir: string): Promise<MiniWobCheckout> {
  const root = resolve(dir);
  if (!(await isDir(root))) throw new MiniWobSetupError(`The MiniWoB++ folder ${root} does not exist (set MINIWOB_DIR to a miniwob-plusplus checkout).`);
  const candidates = [join(root, 'miniwob', 'html'), join(root, 'html'), root];
  for (const htmlDir of candidates) {
    if (!(await isDir(join(htmlDir, 'miniwob'))) || !(await isFile(join(htmlDir, 'core', 'core.js')))) continue;
    const tasks = (await readdir(join(htmlDir, 'miniwob'))).filter((n) => n.endsWith('.html')).map((n) => n.slice(0, -5)).sort();
    if (tasks.length === 0) throw new MiniWobSetupError(`${join(htmlDir, 'miniwob')} holds no task pages (*.html).`);
    return { htmlDir, tasks: [...tasks, ...(await flightTasks(htmlDir))] };
  }
  throw new MiniWobSetupError(
    `${root} does not look like a miniwob-plusplus checkout: none of ${candidates.join(', ')} holds miniwob/*.html and core/core.js.`,
  );
}

/** The flight tasks: html/flight/<site>/wrapper.html, named flight.<site> (tasks.ts). */
async function flightTasks(htmlDir: string): Promise<string[]> {
  const sites = await readdir(join(htmlDir, 'flight')).catch(() => [] as string[]);
  const found: string[] = [];
  for (const site of sites.sort()) if (await isFile(join(htmlDir, 'flight', site, 'wrapper.html'))) found.push(`flight.${site}`);
  return found;
}

async function isDir(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
