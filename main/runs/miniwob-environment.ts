import type { EpisodeEnvironment } from '../agent/episode-loop';
import { MINIWOB_VIEWPORT, readMiniWobState, startMiniWobEpisode } from '../tasks/miniwob/page-protocol';
import { browsergymPageSeed } from '../tasks/miniwob/page-seed';
import type { MiniWobServer } from '../tasks/miniwob/server';
import { recordTaskStart, whyNotTaskPage } from '../tasks/miniwob/task-page';
import { MINIWOB_PLACEHOLDER } from '../tasks/miniwob/tasks';
import { placeholderResolver } from './environments';

/** A seeded MiniWoB++ episode (docs/design/WEBARENA.md §5): once the task page is open, seed it as BrowserGym
 * does (the page gets RandomState(seed).randint(0, 10^6), not the seed), start with the timer off and the reward
 * display hidden, and take the instruction from the page; after each action read the done flag, so the loop
 * stops as soon as the page has given its reward, or as soon as the agent has left the task page (BrowserGym
 * ends the episode there with 0). */
export function miniwobEnvironment(server: MiniWobServer, seed: number, task?: string): EpisodeEnvironment {
  return {
    resolveUrl: placeholderResolver({ [MINIWOB_PLACEHOLDER]: server.baseUrl }),
    // A viewport sized to the task, as BrowserGym's; the flight pages are a full airline site in an iframe.
    viewport: task?.startsWith('flight.') ? undefined : { ...MINIWOB_VIEWPORT },
    cookies: [],
    dispose: async () => undefined,
    // The page's reward globals are the score at any moment: a time limit reads them before closing.
    scoresAtTimeLimit: true,
    async begin(session) {
      const pageSeed = browsergymPageSeed(seed);
      const page = session.page;
      const intent = await startMiniWobEpisode(page, pageSeed);
      recordTaskStart(page, { url: page.url(), seed, pageSeed });
      return { intent };
    },
    async afterAction(session) {
      const away = whyNotTaskPage(session.page);
      if (away) return { explanation: `The agent left the task page (${away}); BrowserGym ends a MiniWoB++ episode there.` };
      // A page that cannot be read (it is navigating) is not done yet.
      return readMiniWobState(session.page).then((s) => s.done, () => false);
    },
  };
}
