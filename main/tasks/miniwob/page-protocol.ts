// The MiniWoB++ page protocol (docs/design/WEBARENA.md §5), driven with page.evaluate on string expressions
// (so esbuild's helpers never leak into the page). Globals are the core's own: `core`, WOB_DONE_GLOBAL,
// WOB_RAW_REWARD_GLOBAL, WOB_REWARD_REASON, WOB_TASK_READY.

/** The default 10 s timer ends episodes with −1; setTimeout delays above 2^31−1 ms overflow and fire at once,
 * so the timer is set just below that (about 23 days): effectively off. */
export const EPISODE_MAX_TIME_MS = 2_000_000_000;

/** The browser viewport of a MiniWoB++ episode: the task's 160×210 area (instruction included) at the top left,
 * with room for the widgets that open beside it (date pickers, menus) — BrowserGym's 332×214. */
export const MINIWOB_VIEWPORT = { width: 332, height: 214 } as const;

/** Hidden from observations and screenshots: the reward/timer display, the click canvas and the START cover
 * the core shows between episodes. Hidden with CSS, so the core's own updates to them keep working. */
const HIDE_CSS = '#reward-display, #click-canvas, #sync-task-cover { display: none !important; }';

interface Evaluator {
  evaluate<T>(expression: string): Promise<T>;
}

export interface MiniWobState {
  done: boolean;
  /** In [−1, 1], without the time penalty. */
  rawReward: number;
  reason: string | null;
}

/** Starts a seeded episode on a loaded task page and returns the instruction. `pageSeed` is what Math.seedrandom
 * gets: BrowserGym's page seed for the episode seed (page-seed.ts), not the episode seed itself. */
export async function startMiniWobEpisode(page: Evaluator, pageSeed: number): Promise<string> {
  const problem = await page.evaluate<string | null>(`(() => {
    if (typeof core === 'undefined' || typeof core.startEpisodeReal !== 'function') return 'this page has no MiniWoB++ core (core.startEpisodeReal is missing)';
    const style = document.createElement('style');
    style.textContent = ${JSON.stringify(HIDE_CSS)};
    document.head.appendChild(style);
    core.EPISODE_MAX_TIME = ${EPISODE_MAX_TIME_MS};
    // startEpisodeReal hides the START cover, which the page's onload (core.startEpisode) creates.
    if (!core.cover_div && typeof core.startEpisode === 'function') core.startEpisode();
    // Seeded right before the problem is drawn, as BrowserGym does, so nothing else consumes Math.random first.
    if (typeof Math.seedrandom === 'function') Math.seedrandom(${JSON.stringify(pageSeed)});
    core.startEpisodeReal();
    return null;
  })()`);
  if (problem) throw new Error(`MiniWoB++: ${problem}.`);
  await waitUntilReady(page);
  const utterance = await page.evaluate<unknown>('core.getUtterance()');
  // Some versions return { utterance, fields } instead of a string.
  const text = typeof utterance === 'object' && utterance !== null ? (utterance as { utterance?: unknown }).utterance : utterance;
  return String(text ?? '').trim();
}

/** Some tasks load assets first and set WOB_TASK_READY = false until they are done. */
async function waitUntilReady(page: Evaluator, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(`typeof WOB_TASK_READY === 'undefined' || WOB_TASK_READY !== false`))) {
    if (Date.now() > deadline) throw new Error(`MiniWoB++: the task was not ready after ${timeoutMs} ms (WOB_TASK_READY stayed false).`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function readMiniWobState(page: Evaluator): Promise<MiniWobState> {
  const state = await page.evaluate<{ done: unknown; raw: unknown; reason: unknown } | null>(
    `typeof WOB_DONE_GLOBAL === 'undefined' ? null : { done: WOB_DONE_GLOBAL, raw: WOB_RAW_REWARD_GLOBAL, reason: typeof WOB_REWARD_REASON === 'undefined' ? null : WOB_REWARD_REASON }`,
  );
  if (!state) throw new Error('MiniWoB++: the page has no WOB_DONE_GLOBAL (it is not a MiniWoB++ task page, or it navigated away).');
  const raw = Number(state.raw);
  return { done: state.done === true, rawReward: Number.isFinite(raw) ? raw : 0, reason: state.reason == null ? null : String(state.reason) };
}
