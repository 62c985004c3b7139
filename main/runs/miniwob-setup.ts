import { isMiniWobSuccessRule, type MiniWobSuccessRule } from '../eval/miniwob-reward';
import type { Store } from '../store';
import { miniwobDirFromEnv, MiniWobSetupError, openMiniWobCheckout } from '../tasks/miniwob/checkout';
import { serveMiniWob, type MiniWobServer } from '../tasks/miniwob/server';
import { miniwobTaskRecords } from '../tasks/miniwob/tasks';

export interface MiniWobSetup {
  server: MiniWobServer | null;
  /** Why there is no server (no checkout configured, or not a checkout), for the run that needs one. */
  problem: string | null;
  successRule: MiniWobSuccessRule;
  /** Task names registered in the store. */
  tasks: string[];
}

/** Opens the configured MiniWoB++ checkout (the setting, else MINIWOB_DIR), serves its html folder on
 * 127.0.0.1 and registers one task per page (WEBARENA.md "MiniWoB++"). A missing or broken checkout does
 * not stop the core: it is reported when a MiniWoB++ task is run. */
export async function startMiniWob(store: Store, settings: { dir?: string | null; successRule?: string } = {}): Promise<MiniWobSetup> {
  const successRule = settings.successRule ?? process.env.MINIWOB_SUCCESS ?? 'browsergym';
  if (!isMiniWobSuccessRule(successRule)) {
    throw new Error(`Unknown MiniWoB++ success rule "${successRule}"; choose browsergym (raw reward > 0) or miniwob (raw reward = 1).`);
  }
  const dir = settings.dir === undefined ? miniwobDirFromEnv() : settings.dir;
  if (!dir) {
    return { server: null, problem: 'MiniWoB++ tasks need a miniwob-plusplus checkout: set MINIWOB_DIR (or --miniwob-dir).', successRule, tasks: [] };
  }
  try {
    const checkout = await openMiniWobCheckout(dir);
    const server = await serveMiniWob(checkout.htmlDir);
    await store.db.transaction(async () => {
      for (const task of miniwobTaskRecords(checkout)) await store.tasks.upsert(task);
    });
    return { server, problem: null, successRule, tasks: checkout.tasks };
  } catch (err) {
    if (err instanceof MiniWobSetupError) return { server: null, problem: err.message, successRule, tasks: [] };
    throw err;
  }
}
