import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_CONTEXTS } from './context-slots';

// How many episodes to run at once when a person does not say (issue 22 "Parallelism that pays"): enough to
// keep the machine's cores fed. By Little's law that takes the cores divided by what one episode keeps busy of
// them — Chromium's CPU plus the harness's, per second of episode, as `npm run bench -- scheduler` reports it
// ("cores busy per episode") — rounded up. One episode more than that: a step's waits (the DOM's quiet
// window, an animation frame, a screenshot's fresh frame) follow Chromium's one frame clock, so episodes tend
// to wait at the same moments, and only a spare episode fills those gaps. At least 1, at most the
// browser-context cap.

/** Cores one oracle episode keeps busy on the sandbox: on the 2-core reference box, 24 oracle shop episodes
 * one at a time took 120–139 ms of CPU per step (Chromium's headless shell ≈100, the harness ≈28) over a step
 * of 100–116 ms wall: 1.10–1.24 cores. LLM policies wait on the model most of a step and use less. */
export const CORES_PER_EPISODE = 1.2;

export function defaultConcurrency(cores = availableParallelism(), coresPerEpisode = CORES_PER_EPISODE, maxContexts = DEFAULT_MAX_CONTEXTS): number {
  if (!(cores > 0) || !(coresPerEpisode > 0)) return 1;
  return Math.min(maxContexts, Math.max(1, Math.ceil(cores / coresPerEpisode) + 1));
}
