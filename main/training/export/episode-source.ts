// The scored episodes of a run, oldest first, with their steps and task: what every export format reads
// (docs/design/MIRA.md §4.2 needs the binary outcome r, so unscored episodes are skipped with a reason).
import type { EpisodeRecord, StepRecord, TaskRecord } from '../../api/types';
import type { Store } from '../../store';

export interface SourceEpisode {
  episode: EpisodeRecord;
  steps: StepRecord[];
  task: TaskRecord | undefined;
}

export type SkipHandler = (episode: EpisodeRecord, reason: string) => void;

export async function* scoredEpisodes(store: Store, runId: string, onSkip: SkipHandler): AsyncGenerator<SourceEpisode> {
  const run = await store.runs.get(runId);
  if (!run) throw new Error(`There is no run ${runId}.`);
  const episodes = (await store.episodes.list({ runId, limit: Number.MAX_SAFE_INTEGER })).reverse();
  for (const episode of episodes) {
    const steps = await store.steps.list(episode.id);
    const skipped = skipReason(episode, steps);
    if (skipped) {
      onSkip(episode, skipped);
      continue;
    }
    yield { episode, steps, task: await store.tasks.get(episode.taskId) };
  }
}

function skipReason(episode: EpisodeRecord, steps: readonly StepRecord[]): string | null {
  if (episode.success === null) {
    return `no outcome (status ${episode.status}${episode.stopReason ? `, stop ${episode.stopReason}` : ''})${episode.outcome ? `: ${episode.outcome}` : ''}`;
  }
  if (steps.length === 0) return 'no steps recorded';
  return null;
}

/** A blob's text, or null when the step has none or the blob is gone (an export never dies on one file). */
export async function readBlobText(store: Store, ref: string | null | undefined): Promise<string | null> {
  if (!ref) return null;
  try {
    return await store.blobs.getText(ref);
  } catch {
    return null;
  }
}
