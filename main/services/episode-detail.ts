import type { StepRecord } from '../api/types';

/** A step as getEpisode sends it to a front end: without `views`, the blob refs of the renderings the policy
 * read. No screen shows them (exports read them from the store), and they were about a quarter of the message
 * that opens an episode in the replay (issue 22: bytes per open). */
export function stepForDetail(step: StepRecord): StepRecord {
  const { views: _notShown, ...shown } = step;
  return shown;
}
