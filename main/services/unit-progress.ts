// A training unit's (variant × seed) trainer messages as the job's progress entries (issue 7; the training audit of
// 2026-12-05). Every stage reports its own count — SFT epochs, critic epochs, policy minibatches as well as
// demonstrations, rollouts and test episodes — and a loss point or a log line keeps the stage and count last
// reported: a log line used to set the stage to 'rollout' and a loss point its count to epoch/epoch (a full bar),
// so a job read "rollout 32/32" while its critics trained.
import type { TrainingProgress, TrainingStage, TrainingVariant } from '../api/training-types';
import type { TrainerMessage } from '../training/worker/protocol';

const STAGES: Record<string, TrainingStage> = { demos: 'demonstrations', rollout: 'rollout', evaluate: 'evaluation', sft: 'sft', critic: 'critics', policy: 'policy' };
/** What a stage's count counts, for the progress line ("critic fit epoch 3/40"). */
const COUNTED: Record<string, string> = { demos: 'demonstration', rollout: 'rollout', evaluate: 'test episode', sft: 'SFT epoch', critic: 'critic fit epoch', policy: 'policy update minibatch' };

type Entry = Omit<TrainingProgress, 'jobId'>;
type Position = Pick<TrainingProgress, 'phase' | 'stage' | 'done' | 'total'>;

export class UnitProgress {
  private at: Position = { phase: 0, stage: 'demonstrations', done: 0, total: 0 };

  constructor(private readonly unit: { variant: TrainingVariant; seed: number; label: string }) {}

  progress(m: Extract<TrainerMessage, { type: 'progress' }>): Entry {
    this.at = { phase: m.phase, stage: STAGES[m.stage] ?? 'rollout', done: m.done, total: m.total };
    return this.entry(this.at, `phase ${m.phase} ${COUNTED[m.stage] ?? m.stage} ${m.done}/${m.total}`);
  }

  /** A loss point of its stage: the stage's count as last reported, or done when the stage reported none (the
   * critics' summary comes after the policy update). */
  loss(m: Extract<TrainerMessage, { type: 'loss' }>, losses: Record<string, number>): Entry {
    const stage = STAGES[m.stage];
    const count = this.at.phase === m.phase && this.at.stage === stage ? { done: this.at.done, total: this.at.total } : { done: 1, total: 1 };
    return { ...this.entry({ phase: m.phase, stage, ...count }, `phase ${m.phase} ${m.stage} loss ${m.loss.toFixed(4)}`), losses, samplesPerSecond: m.samplesPerSecond || undefined };
  }

  log(line: string): Entry {
    return this.entry(this.at, line);
  }

  private entry(at: Position, message: string): Entry {
    return { variant: this.unit.variant, seed: this.unit.seed, ...at, message: `${this.unit.label}: ${message}` };
  }
}
