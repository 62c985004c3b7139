// A MiRA phase's rollout jobs (docs/design/MIRA.md §4.15): each task of the phase, rolloutsPerTask times, each
// with its own episode seed. The seed drives the local policy's sampling, so two rollouts of one task must never
// share one: they would be the same episode.
import { hashSeed } from '../../random/seeded-random';

/** Episode seed of rollout r of a task in a phase: a hash of (trainer seed, phase, task id) plus r, so the
 * rollouts of one task get consecutive, always distinct seeds, and no positional arithmetic can run one
 * (task, rollout) into another or into the next phase (seed·100000 + phase·1000 + k·10 + r did once r ≥ 10 or
 * k ≥ 100). Keyed by the task's id, not its place in the list: the curriculum reorders tasks every phase. */
export function rolloutSeed(seed: number, phase: number, taskId: string, r: number): number {
  if (!Number.isInteger(r) || r < 0) throw new Error(`rolloutSeed: r must be an integer >= 0, got ${String(r)}`);
  return (hashSeed('rollout', seed, phase, taskId) + r) >>> 0;
}

/** The phase's jobs, task by task, rolloutsPerTask each, in the order of `tasks`. */
export function rolloutJobs<T extends { readonly id: string }>(tasks: readonly T[], rolloutsPerTask: number, seed: number, phase: number): { instance: T; seed: number }[] {
  return tasks.flatMap((instance) => Array.from({ length: rolloutsPerTask }, (_, r) => ({ instance, seed: rolloutSeed(seed, phase, instance.id, r) })));
}
