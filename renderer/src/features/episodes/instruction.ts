import type { EpisodeRecord, TaskRecord } from '../../../../main/api/types';

/** What the agent was told in this episode: its own instruction when it had one (MiniWoB++ generates one per
 * seed; migration 9), else the task's intent. */
export function episodeInstruction(episode: Pick<EpisodeRecord, 'instruction'>, task: Pick<TaskRecord, 'intent'>): string {
  return episode.instruction?.trim() ? episode.instruction : task.intent;
}

/** The hover text of an episode's heading: the task's intent too, when the episode's instruction differs. */
export function instructionTitle(episode: Pick<EpisodeRecord, 'instruction'>, task: Pick<TaskRecord, 'intent' | 'id'>): string {
  const shown = episodeInstruction(episode, task);
  return shown === task.intent ? shown : `${shown}\n(task ${task.id}: ${task.intent})`;
}
