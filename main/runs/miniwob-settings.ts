// The Settings page's MiniWoB++ checkout field (docs/design/WEBARENA.md §5): which folder a core uses, the check
// a new value gets before it is saved, and the switch to it while the app runs (no restart).
import { isAbsolute } from 'node:path';
import type { Store } from '../store';
import { MiniWobSetupError, openMiniWobCheckout } from '../tasks/miniwob/checkout';
import { startMiniWob, type MiniWobSetup } from './miniwob-setup';

/** The folder a core opens: --miniwob-dir (null: none) wins, else the Settings field, else MINIWOB_DIR (undefined). */
export function miniwobDirChoice(flag: string | null | undefined, setting: string | null): string | null | undefined {
  if (flag !== undefined) return flag;
  return setting ?? undefined;
}

/** Refuses a folder that is not a checkout, with the reason, before the setting is saved (so nothing is lost
 * and the field keeps working). Relative paths are left to the settings schema, which names the rule. */
export async function checkMiniWobDir(dir: string | null): Promise<void> {
  if (dir === null || !isAbsolute(dir)) return;
  try {
    await openMiniWobCheckout(dir);
  } catch (err) {
    if (err instanceof MiniWobSetupError) throw new Error(`MiniWoB++ checkout not saved: ${err.message}`);
    throw err;
  }
}

/** Switches a running core to the checkout now configured (a cleared field: MINIWOB_DIR, if set): serves it,
 * registers its tasks, and closes the old server. The setup object is updated in place, since runs and lists
 * hold it. */
export async function switchMiniWobCheckout(store: Store, current: MiniWobSetup, dir: string | null): Promise<void> {
  const next = await startMiniWob(store, { dir: dir ?? undefined, successRule: current.successRule });
  const old = current.server;
  Object.assign(current, next);
  await old?.close();
}

/** The MiniWoB++ task ids the app's task list shows: the open checkout's (none without one, since nothing else
 * can run). */
export function listedMiniWobTaskIds(setup: MiniWobSetup): string[] {
  return setup.tasks.map((name) => `miniwob/${name}`);
}
