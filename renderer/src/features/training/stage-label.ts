// The live stage line of a training job in words (the training audit of 2026-12-05: "rollout 32/32" stood while
// the critics trained; each stage now reports its own count, and says what it is). Pure, unit-tested.
import type { TrainingProgress, TrainingStage } from '../../../../main/api/training-types';

const STAGE_WORDS: Record<TrainingStage, string> = {
  demonstrations: 'recording oracle demonstrations',
  sft: 'SFT on the demonstrations',
  rollout: 'rollouts',
  critics: 'critic training',
  policy: 'policy update',
  evaluation: 'test evaluation',
};

/** What a stage's count counts, for the progress line. */
const COUNTED: Record<TrainingStage, string> = {
  demonstrations: 'demonstration', sft: 'epoch', rollout: 'rollout', critics: 'epoch', policy: 'minibatch', evaluation: 'test episode',
};

export function stageWords(stage: TrainingStage): string {
  return STAGE_WORDS[stage] ?? stage;
}

/** "full · seed 2 · phase 1 · critic training (epoch 3/40)": the unit, the phase, the stage and its count. */
export function stageLine(last: Pick<TrainingProgress, 'variant' | 'seed' | 'phase' | 'stage' | 'done' | 'total'>, multiSeed: boolean): string {
  const unit = [last.variant, multiSeed && last.seed !== undefined ? `seed ${last.seed}` : null].filter((x) => x).join(' · ');
  const count = last.total > 0 ? ` (${COUNTED[last.stage] ?? 'step'} ${last.done}/${last.total})` : '';
  return `${unit ? `${unit} · ` : ''}phase ${last.phase} · ${stageWords(last.stage)}${count}`;
}
