// The page a task starts on, observed once outside any episode: what the teacher LLM sees when subgoals are
// generated from the UI (docs/design/MIRA.md §2.1: "the task intent plus the current page").
import type { TaskRecord } from '../api/types';
import { observe } from '../browser/observe';
import type { BrowserPool } from '../browser/pool';
import type { Observation } from '../browser/observation-types';
import { environmentFor } from '../runs/run-environments';
import type { EnvironmentDeps } from '../runs/types';

export async function observeStartPage(deps: EnvironmentDeps & { pool: BrowserPool }, task: TaskRecord): Promise<Observation> {
  const environment = environmentFor(deps, task, 0);
  const login = environment.login ? await environment.login() : [];
  const session = await deps.pool.newSession({ cookies: [...environment.cookies, ...login] });
  try {
    // Several start tabs are joined by " |AND| "; the first one is the page the task starts on.
    const first = environment.resolveUrl(task.startUrl).split(' |AND| ')[0].trim();
    await session.page.goto(first, { timeout: 30_000 });
    await environment.begin?.(session);
    return await observe(session);
  } finally {
    await session.close();
    await environment.dispose().catch(() => undefined);
  }
}
