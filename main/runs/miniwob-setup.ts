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
  /** The checkout folder that was configured (setting or MINIWOB_DIR), whether or not it opened. */
  dir: string | null;
}

/** The success rule in force: the setting, else MINIWOB_SUCCESS, else browsergym. An unknown one is an error,
 * checked before the core starts anything (so a bad MINIWOB_SUCCESS exits with the message, no hang). */
export function resolveMiniWobSuccess(setting?: string): MiniWobSuccessRule {
  const rule = setting ?? (process.env.MINIWOB_SUCCESS?.trim() || 'browsergym');
  if (!isMiniWobSuccessRule(rule)) {
    throw new Error(`Unknown MiniWoB++ success rule "${rule}"${setting === undefined ? ' (MINIWOB_SUCCESS)' : ''}; choose browsergym (raw reward > 0) or miniwob (raw reward = 1).`);
  }
  return rule;
}

/** Opens the configured MiniWoB++ checkout (the setting, else MINIWOB_DIR), serves its html folder on
 * 127.0.0.1 and registers one task per page (docs/design/WEBARENA.md §5). A missing or broken checkout does
 * not stop the core: it is reported when a MiniWoB++ task is run. */
export async function startMiniWob(store: Store, settings: { dir?: string | null; successRule?: string } = {}): Promise<MiniWobSetup> {
  const successRule = resolveMiniWobSuccess(settings.successRule);
  const dir = settings.dir === undefined ? miniwobDirFromEnv() : settings.dir;
  if (!dir) {
    return { server: null, problem: 'MiniWoB++ tasks need a miniwob-plusplus checkout: set MINIWOB_DIR (or --miniwob-dir).', successRule, tasks: [], dir: null };
  }
  try {
    const checkout = await openMiniWobCheckout(dir);
    const server = await serveMiniWob(checkout.htmlDir);
    await store.db.transaction(async () => {
      for (const task of miniwobTaskRecords(checkout)) await store.tasks.upsert(task);
    });
    return { server, problem: null, successRule, tasks: checkout.tasks, dir };
  } catch (err) {
    if (err instanceof MiniWobSetupError) return { server: null, problem: err.message, successRule, tasks: [], dir };
    throw err;
  }
}
