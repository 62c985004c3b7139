// MiRA's hyper-parameters in one place. MIRA.md marks several values as **default** (the paper's value is
// unknown or taken from WebRL), so every one of them is a setting: the functions in this folder take them as
// parameters and fall back to these values only when the caller leaves them out.

/** Which return the Monte-Carlo half of the doubly-robust advantage uses (MIRA.md §4). */
export type ReturnKind = 'shaped' | 'raw';

/** MiRA training hyper-parameters (MIRA.md §4, arXiv 2603.19685 §3). */
export interface MiraConfig {
  /** α: weight of the potential-based shaping term r' = r + α·(P(s') − P(s)); 0 disables the potential critic. */
  alpha: number;
  /** λ: mix of the one-step TD error (λ) and the Monte-Carlo error (1 − λ) in the doubly-robust advantage. */
  lambda: number;
  /** γ: discount of both the TD target and the Monte-Carlo return. */
  gamma: number;
  /** β: scale of the log-ratio log(π_θ/π_ref) in the MSE objective; also the AWR temperature and KL weight. */
  beta: number;
  /** Whether G_t sums shaped rewards r' ('shaped', the default) or the raw terminal rewards r ('raw'). */
  returnKind: ReturnKind;
  /** Inclusive per-action perplexity band [1/0.95, 1/0.5] kept by the data-hygiene filter (from WebRL). */
  perplexityBounds: readonly [number, number];
  /** Replayed earlier-phase successes are capped at this multiple of the new phase's data size. */
  replayCapRatio: number;
  /** Inclusive band of predicted success in which a task is kept for the next phase's curriculum (WebRL). */
  curriculumBand: readonly [number, number];
}

/** The values MIRA.md gives; frozen so a caller cannot change the defaults of every other caller. */
export const MiraDefaults: Readonly<MiraConfig> = Object.freeze({
  alpha: 0.3,
  lambda: 0.5,
  gamma: 0.9,
  beta: 0.1,
  returnKind: 'shaped',
  perplexityBounds: Object.freeze([1 / 0.95, 1 / 0.5] as const),
  replayCapRatio: 2,
  curriculumBand: Object.freeze([0.05, 0.75] as const),
});
