import type { EpisodeEnvironment } from '../agent/episode-loop';
import { MINIWOB_VIEWPORT, readMiniWobState, startMiniWobEpisode } from '../tasks/miniwob/page-protocol';
import type { MiniWobServer } from '../tasks/miniwob/server';
import { MINIWOB_PLACEHOLDER } from '../tasks/miniwob/tasks';
import { placeholderResolver } from './environments';

/** A seeded MiniWoB++ episode (docs/design/WEBARENA.md §5): once the task page is open, seed, start with the
 * timer off and the reward display hidden, and take the instruction from the page; after each action read
 * the done flag, so the loop stops as soon as the page has given its reward. */
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
      return { intent: await startMiniWobEpisode(session.page, seed) };
    },
    async afterAction(session) {
      // A page that is no longer a task page (the agent navigated away) is not done; scoring says why.
      return readMiniWobState(session.page).then((s) => s.done, () => false);
    },
  };
}
