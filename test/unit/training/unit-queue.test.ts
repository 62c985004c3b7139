import { describe, expect, it } from 'vitest';
import { trainingUnits } from '../../../main/training/study/seeds';
import { TrainingUnitQueue } from '../../../main/training/study/unit-queue';

const UNITS = trainingUnits({ seed: 1, seeds: [1, 2], variants: ['full', 'kl', 'awr'] });
const name = (q: { unit: { variant: string; seed: number }; leadsSeed: boolean } | undefined) =>
  q ? `${q.unit.variant}/${q.unit.seed}${q.leadsSeed ? ' leads' : ''}` : 'none';

describe('TrainingUnitQueue (a seed\'s variants share its phase-0 evaluation)', () => {
  it('starts the next seed on a free lane while the first seed evaluates phase 0, then that seed\'s other variants in order', async () => {
    const queue = new TrainingUnitQueue(UNITS);
    expect(name(await queue.next())).toBe('full/1 leads');
    // Seed 1's phase 0 is not evaluated yet: the second lane starts seed 2 instead of waiting.
    expect(name(await queue.next())).toBe('full/2 leads');
    // Both seeds are waiting on phase 0: a third lane waits until one is done.
    let third: string | null = null;
    const waiting = queue.next().then((q) => (third = name(q)));
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBeNull();
    queue.sharedEpisodesDone(2);
    await waiting;
    expect(third).toBe('kl/2');
    expect(name(await queue.next())).toBe('awr/2');
    queue.sharedEpisodesDone(1);
    expect(name(await queue.next())).toBe('kl/1');
    expect(name(await queue.next())).toBe('awr/1');
    expect(name(await queue.next())).toBe('none');
  });

  it('a single-variant job never waits; an aborted signal releases a waiting lane with nothing', async () => {
    const single = new TrainingUnitQueue(trainingUnits({ seed: 1, seeds: [1, 2, 3], variants: ['full'] }));
    expect([name(await single.next()), name(await single.next()), name(await single.next()), name(await single.next())])
      .toEqual(['full/1 leads', 'full/2 leads', 'full/3 leads', 'none']);

    const queue = new TrainingUnitQueue(trainingUnits({ seed: 1, variants: ['full', 'kl'] }));
    await queue.next();
    const stop = new AbortController();
    const waiting = queue.next(stop.signal);
    stop.abort();
    expect(await waiting).toBeUndefined();
  });
});
