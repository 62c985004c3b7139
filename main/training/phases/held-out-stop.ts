// Which epoch of a critic's fit to keep, and when to stop (docs/design/MIRA.md §4.6): the epoch with the lowest
// held-out loss so far, starting from the incoming weights (epoch 0), and a stop once `patience` epochs have
// passed without a lower one. Without a held-out slice every epoch runs and the last is kept. Pure, so the
// choice is unit-tested with hand-worked numbers apart from any training.

export type HeldOutVerdict = 'better' | 'continue' | 'stop';

export class HeldOutStop {
  private bestLoss: number | null;
  private bestEpoch = 0;

  /** `initial`: the held-out loss of the incoming weights (null without a held-out slice). */
  constructor(initial: number | null, private readonly patience: number) {
    this.bestLoss = initial;
  }

  /** After `epoch` (1, 2, …) with held-out loss `loss`: 'better' (keep these weights), 'stop', or 'continue'. */
  observe(epoch: number, loss: number | null): HeldOutVerdict {
    if (loss === null || this.bestLoss === null) {
      this.bestLoss = loss;
      this.bestEpoch = epoch;
      return loss === null ? 'continue' : 'better';
    }
    if (loss < this.bestLoss) {
      this.bestLoss = loss;
      this.bestEpoch = epoch;
      return 'better';
    }
    return epoch - this.bestEpoch >= this.patience ? 'stop' : 'continue';
  }

  /** The epoch whose weights are kept and its held-out loss (null without a held-out slice). */
  get best(): { epoch: number; loss: number | null } {
    return { epoch: this.bestEpoch, loss: this.bestLoss };
  }
}
