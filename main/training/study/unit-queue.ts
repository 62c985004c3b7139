// The order in which a job's lanes take its units (issue 17: the default study's cost). The variants of one
// trainer seed share the episodes their common start decides — phase 0's test evaluation and phase 1's
// rollouts (phases/shared-episodes.ts) — so a seed's other units start only once its first unit has run them;
// meanwhile a free lane starts the next seed's first unit rather than wait. Units of a seed whose shared
// episodes are done come first, in the request's order.
import type { TrainingUnit } from './seeds';

export interface QueuedUnit {
  unit: TrainingUnit;
  /** The first unit of its seed: it runs the shared episodes for the others and must call `sharedEpisodesDone`. */
  leadsSeed: boolean;
}

export class TrainingUnitQueue {
  private readonly pending: TrainingUnit[];
  private readonly started = new Set<number>();
  private readonly ready = new Set<number>();
  private wakers: (() => void)[] = [];

  constructor(units: readonly TrainingUnit[]) {
    this.pending = [...units];
  }

  /** The next unit a free lane should train, waiting while every remaining unit waits on its seed's shared episodes;
   * undefined once none is left (or `signal` aborted). */
  async next(signal?: AbortSignal): Promise<QueuedUnit | undefined> {
    for (;;) {
      if (signal?.aborted || this.pending.length === 0) return undefined;
      const index = this.pending.findIndex((u) => this.ready.has(u.seed) || !this.started.has(u.seed));
      if (index >= 0) {
        const [unit] = this.pending.splice(index, 1);
        const leadsSeed = !this.started.has(unit.seed);
        this.started.add(unit.seed);
        return { unit, leadsSeed };
      }
      await new Promise<void>((resolve) => {
        this.wakers.push(resolve);
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
    }
  }

  /** The seed's shared episodes are recorded (or its leading unit ended without them): its other units may start. */
  sharedEpisodesDone(seed: number): void {
    if (this.ready.has(seed)) return;
    this.ready.add(seed);
    const wakers = this.wakers;
    this.wakers = [];
    for (const wake of wakers) wake();
  }
}
