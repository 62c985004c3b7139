// Named studies (issue 17): a training request fixed by name, so a result in docs/training.md can be
// reproduced with one flag (`train --study default`). Flags given next to --study override its fields.
import type { TrainingRequest } from '../../api/training-types';

/** The default study: long tasks over four sites, a weak SFT policy, three MiRA phases, the paper's ablations
 * and three trainer seeds (docs/training.md, "The default study").
 * - Families: six families of 8–9 oracle steps on admin, forum, code and map — tasks the local policy can act
 *   on (clicks, typing the intent's values, selects; no answer needed).
 * - 35 instances per family: every fifth is a test task, so 7 per family, 42 test tasks; 168 train tasks.
 * - Weak SFT: 2 oracle demonstrations per family, so SFT leaves room that the MiRA phases can fill.
 * - 24 curriculum tasks per phase, one rollout each: the phase cost that fits the time budget. */
export const DEFAULT_STUDY: Readonly<TrainingRequest> = Object.freeze<TrainingRequest>({
  variants: ['full', 'no-potential', 'no-dr-td', 'kl', 'awr'],
  families: [
    'admin/hold-with-comment', 'admin/moderate-reviews', 'forum/reply-top-comment',
    'code/filtered-issues', 'code/issue-author-profile', 'map/save-top-rated',
  ],
  phases: 3,
  instancesPerFamily: 35,
  seed: 1,
  seeds: [1, 2, 3],
  budget: { sftDemosPerFamily: 2, rolloutsPerTask: 1, tasksPerPhase: 24 },
});

export const STUDY_PRESETS: Readonly<Record<string, Readonly<TrainingRequest>>> = Object.freeze({ default: DEFAULT_STUDY });

export function studyPreset(name: string): TrainingRequest {
  const preset = STUDY_PRESETS[name];
  if (!preset) throw new Error(`Unknown study "${name}"; choose from ${Object.keys(STUDY_PRESETS).join(', ')}.`);
  return structuredClone(preset) as TrainingRequest;
}
