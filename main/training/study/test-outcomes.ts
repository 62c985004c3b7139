// Per-episode outcomes of a phase's greedy test evaluation (issue 17): success, the failure analyzer's category
// (docs/design/MIRA.md §1.1, run on the stored episode exactly as `analyze` runs it) and the reference
// milestones reached — what the study report resamples and counts.
import type { EpisodeRecord, StepRecord } from '../../api/types';
import type { FailureModeName, TestOutcome } from '../../api/study-types';
import { classifyFailure, type FailureCategory } from '../../analysis/failure-modes';
import { toAnalyzedEpisode } from '../../analysis/trajectory';

// The API's copy of the category names must stay the analyzer's.
const SAME_CATEGORIES: FailureCategory extends FailureModeName ? (FailureModeName extends FailureCategory ? true : never) : never = true;
void SAME_CATEGORIES;

export interface StoredEpisodes {
  episodes: { get(id: string): Promise<EpisodeRecord | undefined> };
  steps: { list(episodeId: string): Promise<StepRecord[]> };
}

/** One evaluated episode as the trainer saw it: its task, outcome and stored episode id. */
export interface EvaluatedEpisode {
  taskId: string;
  success: boolean;
  episodeId?: string;
  steps: ReadonlyArray<{ progressAfter: number[] | null }>;
}

/** Outcome of one stored episode; without a stored record (or an evaluated outcome) the category is 'others'. */
export async function testOutcomeOf(store: StoredEpisodes, run: EvaluatedEpisode): Promise<TestOutcome> {
  const progress = [...run.steps].reverse().find((s) => s.progressAfter !== null)?.progressAfter ?? null;
  const base = {
    taskId: run.taskId, success: run.success, steps: run.steps.length,
    milestones: progress ? progress.filter((z) => z > 0).length : 0, milestonesTotal: progress?.length ?? 0,
  };
  if (run.success) return { ...base, failureMode: null };
  const record = run.episodeId ? await store.episodes.get(run.episodeId) : undefined;
  if (!record || record.success === null) return { ...base, failureMode: 'others' };
  const analyzed = toAnalyzedEpisode(record, await store.steps.list(record.id));
  return { ...base, failureMode: analyzed.success ? null : classifyFailure(analyzed).category };
}

export function testOutcomes(store: StoredEpisodes, runs: readonly EvaluatedEpisode[]): Promise<TestOutcome[]> {
  return Promise.all(runs.map((r) => testOutcomeOf(store, r)));
}
