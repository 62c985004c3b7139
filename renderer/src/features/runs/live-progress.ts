import type { EpisodeRecord } from '../../../../main/api/types';
import { episodeInstruction } from '../episodes/instruction';

/** The live run view's progress line in words (the first-hour audit of 2026-12-05: it showed a bare
 * "progress [1, 0, 0]"). A milestone counts as done at 1, as the replay's verdict panel counts it. Names are the
 * task's subgoal texts when their count matches the vector (else the vector came from another set: numbers only). */
export function liveProgressCaption(progress: readonly number[], names: readonly string[] | null): string {
  const done = progress.filter((p) => p >= 1).length;
  const head = `subgoals done: ${done} of ${progress.length}`;
  if (!names || names.length !== progress.length || names.length === 0) return head;
  return `${head} — ${names.map((name, i) => `${progress[i] >= 1 ? '✓' : '○'} ${name}`).join(' · ')}`;
}

/** A running episode's name, as the run report and the episodes table name it: what the agent was asked (its
 * own instruction, else the task's intent); the task id until the intent has been read (the web-UI audit of
 * 2026-12-05: the live page named episodes by ids alone). */
export function liveEpisodeName(episode: Pick<EpisodeRecord, 'taskId' | 'instruction'> | undefined, episodeId: string, intent: string | undefined): string {
  if (!episode) return `episode ${episodeId.slice(0, 8)}`;
  return episodeInstruction(episode, { intent: intent ?? episode.taskId });
}

/** Which episode a live step belongs to: its task, the seed when the run repeats tasks, and the short id. */
export function liveEpisodeCaption(episode: { id: string; taskId: string; seed: number } | undefined, episodeId: string, seedsMatter: boolean): string {
  if (!episode) return `episode ${episodeId.slice(0, 8)}`;
  return `${episode.taskId}${seedsMatter ? ` (seed ${episode.seed})` : ''} · episode ${episode.id.slice(0, 8)}`;
}
