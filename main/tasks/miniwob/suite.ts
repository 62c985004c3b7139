// Which MiniWoB++ pages make up the benchmark as BrowserGym runs it (docs/design/WEBARENA.md §5): its MiniWoB
// package registers 125 of the 130 task pages (browsergym/miniwob all.py); these five it leaves out, and the
// flight.* pages (a real airline site inside an iframe) are not among the 130 either. They are listed and
// runnable, marked as outside the default suite.
export const BROWSERGYM_EXCLUDED: readonly string[] = ['button-delay', 'chase-circle', 'hover-shape', 'moving-items', 'simon-says'];

/** Task family of the 125 pages BrowserGym runs (`--suite miniwob`, `--family miniwob`). */
export const MINIWOB_SUITE_FAMILY = 'miniwob';
/** Task family of the other pages (`--suite miniwob-all` adds them). */
export const MINIWOB_EXTRA_FAMILY = 'miniwob-extra';

/** Whether BrowserGym's MiniWoB benchmark includes the task, and if not, why it is marked. */
export function suiteOf(task: string): { family: string; note: string | null } {
  if (task.startsWith('flight.')) return { family: MINIWOB_EXTRA_FAMILY, note: 'a flight-booking page, not among the 130 MiniWoB++ tasks BrowserGym draws from' };
  if (BROWSERGYM_EXCLUDED.includes(task)) return { family: MINIWOB_EXTRA_FAMILY, note: 'not in BrowserGym\'s 125-task MiniWoB benchmark' };
  return { family: MINIWOB_SUITE_FAMILY, note: null };
}
