// Phase 0's link to its oracle demonstrations (issue 21): the job's run that stores them, counting those SFT
// learned from — the successful ones among the demonstrations it was given — not every one recorded (the training
// audit of 2026-12-05). The unit that recorded them knows their run; a unit that read them from the cache finds
// it through a demonstration's stored episode (before, it had no link at all).
import type { PhaseRolloutRun } from '../../api/training-types';
import type { RolloutEnv } from '../rollout/episode-runner';
import type { DemoStep, Trajectory } from '../rollout/record';

/** What the lookup needs of the rollout environment. */
export type DemonstrationStore = Pick<RolloutEnv, 'runOf'> & { store: { episodes: { get(id: string): Promise<{ runId: string | null } | undefined> } } };

export async function demonstrationRun(
  env: DemonstrationStore, demos: readonly Trajectory<DemoStep>[], sftDemos: readonly Trajectory<DemoStep>[],
): Promise<PhaseRolloutRun | undefined> {
  // Every demonstration is in the one run: the first stored episode tells which.
  const stored = demos.find((d) => d.episodeId)?.episodeId;
  const runId = env.runOf(0, 'demonstrations')?.runId ?? (stored ? (await env.store.episodes.get(stored))?.runId ?? undefined : undefined);
  // demoSamples (sft.ts) learns from successful demonstrations only.
  return runId ? { runId, episodes: sftDemos.filter((d) => d.success).length, recorded: demos.length } : undefined;
}
