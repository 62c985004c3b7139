// A job with several trainer seeds (issue 17, `train --seeds 1,2,3`) is the same job once per seed: each
// (seed, variant) pair is one unit of work with its own checkpoints (the lanes take them in unit-queue.ts order).
import type { TrainingRequest, TrainingVariant } from '../../api/training-types';

export interface TrainingUnit {
  variant: TrainingVariant;
  seed: number;
  /** Folder of the unit's checkpoints under the job's folder: the variant alone for a single seed (as before
   * seeds existed), seed-<n>/<variant> otherwise. */
  dir: string;
  /** How progress lines name the unit. */
  label: string;
}

/** The request's seeds: `seeds` when given, else the single `seed`. */
export function requestSeeds(request: Pick<TrainingRequest, 'seed' | 'seeds'>): number[] {
  return request.seeds && request.seeds.length > 0 ? [...request.seeds] : [request.seed];
}

export function trainingUnits(request: Pick<TrainingRequest, 'seed' | 'seeds' | 'variants'>): TrainingUnit[] {
  const seeds = requestSeeds(request);
  const single = seeds.length === 1;
  return seeds.flatMap((seed) => request.variants.map((variant) => ({
    variant, seed, dir: single ? variant : `seed-${seed}/${variant}`, label: single ? variant : `${variant} seed ${seed}`,
  })));
}

/** Parses "1,2,3" (or "1-3"): distinct integers in the order given; a clear error otherwise. */
export function parseSeeds(text: string): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = /^(-?\d+)\s*-\s*(-?\d+)$/.exec(part);
    const values = range ? spread(Number(range[1]), Number(range[2])) : [Number(part)];
    for (const v of values) {
      if (!Number.isSafeInteger(v)) throw new Error(`Seeds must be integers like 1,2,3 or 1-3; got "${part}".`);
      if (!seeds.includes(v)) seeds.push(v);
    }
  }
  if (seeds.length === 0) throw new Error('Give at least one seed, e.g. --seeds 1,2,3.');
  if (seeds.length > 20) throw new Error(`At most 20 seeds per job; got ${seeds.length}.`);
  return seeds;
}

function spread(from: number, to: number): number[] {
  if (to < from || to - from > 19) return [Number.NaN];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
