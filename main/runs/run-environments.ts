import type { EpisodeEnvironment } from '../agent/episode-loop';
import type { TaskRecord } from '../api/types';
import { sandboxEnvironment } from './environments';
import { miniwobEnvironment } from './miniwob-environment';
import type { EnvironmentDeps } from './types';
import { missingSitesProblem, webArenaEnvironment } from './webarena-environment';

/** The environment an episode of this task runs in: the sandbox, a MiniWoB++ page, or a WebArena site. */
export function environmentFor(deps: EnvironmentDeps, task: TaskRecord, seed: number): EpisodeEnvironment {
  if (task.source === 'sandbox' && deps.sandbox) return sandboxEnvironment(deps.sandbox);
  if (task.source === 'miniwob' && deps.miniwob.server) return miniwobEnvironment(deps.miniwob.server, seed, String(task.config.miniwob_task ?? ''));
  const problem = environmentProblem(deps, task);
  if (problem) throw new Error(problem);
  return webArenaEnvironment(task, deps.siteProfile(), deps.logins ?? undefined);
}

/** The page that lists every site of the task's world (WebArena's homepage; the sandbox's index), if any:
 * agents of cross-site tasks are told about it. */
export function homepageFor(deps: EnvironmentDeps, task: TaskRecord): string | undefined {
  if (task.source === 'sandbox') return deps.sandbox ? `${deps.sandbox.baseUrl}/` : undefined;
  if (task.source === 'miniwob') return undefined;
  return deps.siteProfile().__HOMEPAGE__;
}

/** Why a task cannot run with these deps, or null. */
export function environmentProblem(deps: EnvironmentDeps, task: TaskRecord): string | null {
  switch (task.source) {
    case 'sandbox':
      return deps.sandbox ? null : 'Sandbox tasks need the sandbox server, which this core was started without.';
    case 'miniwob':
      return deps.miniwob.server ? null : (deps.miniwob.problem ?? 'MiniWoB++ tasks need a miniwob-plusplus checkout: set MINIWOB_DIR.');
    case 'webarena':
      return missingSitesProblem(task, deps.siteProfile());
    default:
      return `Tasks from "${String(task.source)}" cannot be run.`;
  }
}
