// Data hygiene before a policy update (docs/design/MIRA.md §4.13, from WebRL): drop trajectories the current
// actor finds too surprising or too obvious, and replay earlier phases' successes so the policy does not
// forget them. The trainer filters whole trajectories (trajectoryPerplexityFilter), new and replayed alike,
// as WebRL does: a per-action filter drops exactly the sampled bad actions (low p) that the MSE objective
// exists to push down, and the confident good ones (high p), and leaves holes in the episodes it keeps.

import { MiraDefaults } from './defaults';
import { assertBand, assertFiniteArray, assertInRange } from './validate';
import { mulberry32 } from '../random/seeded-random';

// Bounds are compared with this relative slack so that p = 0.95 is kept although 1/0.95 is not exact in
// floating point; anything outside by more than 1e-12 relative is dropped.
const BOUND_SLACK = 1e-12;

/** Per-action perplexity exp(−mean token log-prob), i.e. 1/p for a single-token action. Shape: [L] → scalar. */
export function actionPerplexity(tokenLogProbs: readonly number[]): number {
  assertFiniteArray('tokenLogProbs', tokenLogProbs);
  if (tokenLogProbs.length === 0) throw new Error('actionPerplexity: an action needs at least one token');
  return Math.exp(-tokenLogProbs.reduce((a, b) => a + b, 0) / tokenLogProbs.length);
}

export interface PerplexityFilterResult {
  /** keep[i]: action i's perplexity 1/p_i lies in the bounds (inclusive). Same length as the input. */
  keep: boolean[];
  /** Indices of the kept actions, ascending. */
  kept: number[];
}

/**
 * Keep actions whose perplexity 1/p lies in the inclusive band `bounds`, by default [1/0.95, 1/0.5], i.e.
 * probability p ∈ [0.5, 0.95]. Shapes: actionProbs [N] in [0, 1] (per-action probability under the current
 * actor; for multi-token actions pass 1/actionPerplexity). p = 0 has infinite perplexity and is dropped.
 */
export function perplexityFilter(
  actionProbs: readonly number[],
  bounds: readonly [number, number] = MiraDefaults.perplexityBounds,
): PerplexityFilterResult {
  assertFiniteArray('actionProbs', actionProbs);
  checkPerplexityBounds('perplexityFilter', bounds);
  const keep = actionProbs.map((p, i) => {
    assertInRange(`actionProbs[${i}]`, p, 0, 1);
    return p > 0 && inBand(1 / p, bounds);
  });
  return { keep, kept: indicesOf(keep) };
}

/**
 * A trajectory's mean per-action perplexity under the current actor: (1/T)·Σ_t 1/p_t, where p_t is the
 * probability the actor gives the action taken at step t (for multi-token actions pass 1/actionPerplexity).
 * Shape: actionProbs [T] in [0, 1], T ≥ 1. A zero probability gives Infinity.
 */
export function trajectoryPerplexity(actionProbs: readonly number[]): number {
  assertFiniteArray('actionProbs', actionProbs);
  if (actionProbs.length === 0) throw new Error('trajectoryPerplexity: a trajectory needs at least one action');
  let sum = 0;
  actionProbs.forEach((p, i) => {
    assertInRange(`actionProbs[${i}]`, p, 0, 1);
    sum += p > 0 ? 1 / p : Number.POSITIVE_INFINITY;
  });
  return sum / actionProbs.length;
}

export interface TrajectoryFilterResult extends PerplexityFilterResult {
  /** Each trajectory's mean per-action perplexity. */
  perplexities: number[];
  /** Actions in the kept trajectories, and in all of them. */
  keptSteps: number;
  totalSteps: number;
}

/**
 * Keep trajectories whose mean per-action perplexity (trajectoryPerplexity) lies in the inclusive band
 * `bounds`, by default WebRL's [1/0.95, 1/0.5]. Shapes: trajectories [N][T_i] of action probabilities under
 * the current actor. Too low a perplexity: the actor already does this (nothing to learn); too high: the
 * trajectory is far off the actor's distribution (a stale replay, a lucky random walk) and its log-ratios
 * would dominate the update.
 */
export function trajectoryPerplexityFilter(
  trajectories: readonly (readonly number[])[],
  bounds: readonly [number, number] = MiraDefaults.perplexityBounds,
): TrajectoryFilterResult {
  checkPerplexityBounds('trajectoryPerplexityFilter', bounds);
  const perplexities = trajectories.map((probs) => trajectoryPerplexity(probs));
  const keep = perplexities.map((x) => inBand(x, bounds));
  let keptSteps = 0;
  let totalSteps = 0;
  trajectories.forEach((t, i) => {
    totalSteps += t.length;
    if (keep[i]) keptSteps += t.length;
  });
  return { keep, kept: indicesOf(keep), perplexities, keptSteps, totalSteps };
}

function checkPerplexityBounds(fn: string, bounds: readonly [number, number]): void {
  assertBand('bounds', bounds);
  if (bounds[0] < 1) throw new Error(`${fn}: perplexity is at least 1, so bounds[0] = ${bounds[0]} must be >= 1`);
}

function inBand(perplexity: number, [lo, hi]: readonly [number, number]): boolean {
  return perplexity >= lo * (1 - BOUND_SLACK) && perplexity <= hi * (1 + BOUND_SLACK);
}

function indicesOf(keep: readonly boolean[]): number[] {
  const kept: number[] = [];
  keep.forEach((k, i) => {
    if (k) kept.push(i);
  });
  return kept;
}

export interface ReplayBufferOptions<T> {
  /** Replay at most capRatio × (new data size) items. Default MiraDefaults.replayCapRatio (2). */
  capRatio?: number;
  /** Seed of the sampler; same seed, same contents and same request give the same sample. */
  seed?: number;
  /** Which items are worth keeping (successful ones). Default: keep everything that is added. */
  isSuccessful?: (item: T) => boolean;
}

/**
 * Earlier phases' successful data, replayed next to each new phase's data (docs/design/MIRA.md §4.14).
 *
 * Sampling is seeded uniform without replacement over all stored earlier-phase items, not
 * keep-most-recent: the point of replay is to keep the skills of early phases, which a recency rule would
 * starve first. The sample is a pure function of (seed, phase, stored items), so a re-run of a phase sees
 * the same replay.
 */
export class ReplayBuffer<T> {
  readonly capRatio: number;
  readonly seed: number;
  private readonly isSuccessful: (item: T) => boolean;
  private readonly byPhase = new Map<number, T[]>();

  constructor(options: ReplayBufferOptions<T> = {}) {
    const { capRatio = MiraDefaults.replayCapRatio, seed = 0, isSuccessful = () => true } = options;
    assertInRange('capRatio', capRatio, 0, Number.MAX_VALUE);
    if (!Number.isInteger(seed)) throw new Error(`ReplayBuffer: seed must be an integer, got ${String(seed)}`);
    this.capRatio = capRatio;
    this.seed = seed;
    this.isSuccessful = isSuccessful;
  }

  /** Store a phase's items; only those passing isSuccessful are kept. Returns how many were kept. */
  add(phase: number, items: readonly T[]): number {
    assertPhase(phase);
    const keep = items.filter((item) => this.isSuccessful(item));
    const list = this.byPhase.get(phase) ?? [];
    list.push(...keep);
    this.byPhase.set(phase, list);
    return keep.length;
  }

  /** Number of stored items from phases strictly before `beforePhase` (all phases when omitted). */
  size(beforePhase = Number.POSITIVE_INFINITY): number {
    let n = 0;
    for (const [phase, list] of this.byPhase) if (phase < beforePhase) n += list.length;
    return n;
  }

  /** Maximum replay size for a phase with `newDataSize` new items: floor(capRatio × newDataSize). */
  capFor(newDataSize: number): number {
    if (!Number.isInteger(newDataSize) || newDataSize < 0) {
      throw new Error(`ReplayBuffer: newDataSize must be a non-negative integer, got ${String(newDataSize)}`);
    }
    return Math.floor(this.capRatio * newDataSize);
  }

  /**
   * Replay items for `phase`: drawn only from earlier phases, at most capFor(newDataSize) of them; all of
   * them when fewer are stored. Returned in storage order (phase, then insertion) so the result is stable.
   */
  sample(phase: number, newDataSize: number): T[] {
    assertPhase(phase);
    const cap = this.capFor(newDataSize);
    const pool: T[] = [];
    for (const p of [...this.byPhase.keys()].sort((a, b) => a - b)) {
      if (p < phase) pool.push(...(this.byPhase.get(p) ?? []));
    }
    if (pool.length <= cap) return pool;
    // Partial Fisher–Yates over indices: the first `cap` slots become a uniform sample without replacement.
    const rand = mulberry32(hashSeed(this.seed, phase));
    const idx = pool.map((_, i) => i);
    for (let i = 0; i < cap; i++) {
      const j = i + Math.floor(rand() * (idx.length - i));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx
      .slice(0, cap)
      .sort((a, b) => a - b)
      .map((i) => pool[i]);
  }

  /** The training set of `phase`: the new data followed by its replay sample. */
  mix(phase: number, newData: readonly T[]): T[] {
    return [...newData, ...this.sample(phase, newData.length)];
  }
}

function assertPhase(phase: number): void {
  if (!Number.isInteger(phase) || phase < 0) throw new Error(`ReplayBuffer: phase must be an integer >= 0, got ${String(phase)}`);
}


function hashSeed(seed: number, phase: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(phase + 1, 0xc2b2ae35)) >>> 0;
}
