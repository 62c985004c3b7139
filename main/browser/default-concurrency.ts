import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_CONTEXTS } from './context-slots';

// How many episodes to run at once when a run does not say (issue 22 "Parallelism that pays"): as many as the
// machine's cores can keep fed. An episode does not keep a core busy all the time (it waits on the page, the
// network, the policy), so the count is the cores divided by what one episode uses of them — Chromium's CPU
// plus the harness's, per second of episode, as `npm run bench -- scheduler` reports it ("cores busy per
// episode") — rounded down, at least 1, at most the browser-context cap.

/** Cores one oracle episode keeps busy on the sandbox: the scheduler bench measured ≈205 ms of CPU per step
 * (≈155 ms Chromium's headless shell, ≈50 ms the harness) over a step of ≈220–270 ms wall on an idle core.
 * LLM policies wait on the model most of a step and use less, so this errs toward fewer episodes. */
export const CORES_PER_EPISODE = 0.9;

export function defaultConcurrency(cores = availableParallelism(), coresPerEpisode = CORES_PER_EPISODE, maxContexts = DEFAULT_MAX_CONTEXTS): number {
  if (!(cores > 0) || !(coresPerEpisode > 0)) return 1;
  return Math.min(maxContexts, Math.max(1, Math.floor(cores / coresPerEpisode)));
}
