// A fork that cannot start is an answer to the person who asked for it, not a result (issue 21): when the
// replayed prefix does not reproduce the source episode (fork_prefix_diverged), the fork's run — its one
// episode, steps and verdicts — is removed again and the reason goes back to the caller (the fork dialog).
// Nothing of it stays to be counted as a failed episode in any statistic. Once the new policy has taken over,
// the fork is an ordinary run and every outcome after that is recorded as usual.
import type { EpisodeRecord, ForkProvenance, StepRecord } from '../api/types';
import type { EventHub } from '../events';
import type { Store } from '../store';
import type { StartedRun } from './types';

export interface ForkStartDeps {
  store: Store;
  events: EventHub;
}

export interface StartedFork {
  runId: string;
  /** The fork's episode, once its new policy has taken over (absent when the run ended before that). */
  episodeId?: string;
}

/** Starts the fork's run and settles when its new policy has taken over (a step t ≥ fork.step was recorded),
 * or when the run has ended. A run that ended because the prefix diverged is discarded and the promise
 * rejects with the divergence, as it does for requests refused before any run existed. */
export async function startFork(deps: ForkStartDeps, fork: ForkProvenance, start: () => Promise<StartedRun>): Promise<StartedFork> {
  const episodeRuns = new Map<string, string | null>(); // episode id → run id, from 'episode' events
  let runId: string | null = null;
  let handover: ((episodeId: string) => void) | null = null;
  const handedOver = new Promise<string>((resolve) => (handover = resolve));
  const steps: StepRecord[] = []; // seen before the run id was known
  const check = (step: StepRecord) => {
    if (step.t >= fork.step && !isDivergence(step) && runId !== null && episodeRuns.get(step.episodeId) === runId) handover?.(step.episodeId);
  };
  const unsubscribe = deps.events.subscribe(({ event, payload }) => {
    if (event === 'episode') episodeRuns.set((payload as EpisodeRecord).id, (payload as EpisodeRecord).runId);
    if (event !== 'step') return;
    if (runId === null) steps.push(payload as StepRecord);
    else check(payload as StepRecord);
  });
  try {
    const started = await start();
    runId = started.runId;
    steps.splice(0).forEach(check);
    const first = await Promise.race([
      handedOver.then((episodeId) => ({ episodeId })),
      started.done.then((episodes) => ({ episodes }), () => ({ episodes: [] as EpisodeRecord[] })),
    ]);
    if ('episodeId' in first) return { runId: started.runId, episodeId: first.episodeId };
    const diverged = first.episodes.find((e) => e.stopReason === 'fork_prefix_diverged');
    if (!diverged) return { runId: started.runId, ...(first.episodes[0] ? { episodeId: first.episodes[0].id } : {}) };
    // The step that diverged says why, without the evaluator's verdict the episode's outcome leads with.
    const why = (await deps.store.steps.list(diverged.id)).find(isDivergence)?.actionError ?? diverged.outcome;
    await discardRun(deps.store, started.runId);
    throw new Error(`The fork could not start: ${why ?? 'its replayed prefix did not reproduce the source episode'}`);
  } finally {
    unsubscribe();
  }
}

const isDivergence = (step: StepRecord) => step.actionError?.startsWith('fork_prefix_diverged') === true;

/** Removes a run and everything recorded under it, in one transaction (blobs are content-addressed and shared,
 * so they stay). */
export async function discardRun(store: Store, runId: string): Promise<void> {
  const episodes = `SELECT id FROM episodes WHERE run_id = ?`;
  await store.db.transaction(async () => {
    await store.db.run(`DELETE FROM verdicts WHERE episode_id IN (${episodes})`, [runId]);
    await store.db.run(`DELETE FROM llm_calls WHERE episode_id IN (${episodes})`, [runId]);
    await store.db.run(`DELETE FROM episode_subgoals WHERE episode_id IN (${episodes})`, [runId]);
    await store.db.run(`DELETE FROM steps WHERE episode_id IN (${episodes})`, [runId]);
    await store.db.run(`DELETE FROM episodes WHERE run_id = ?`, [runId]);
    await store.db.run(`DELETE FROM runs WHERE id = ?`, [runId]);
  });
}
