// MiRA's hyper-parameters in one place. docs/design/MIRA.md §6 marks several values as **default** (the paper's value is
// unknown or taken from WebRL), so every one of them is a setting: the functions in this folder take them as
// parameters and fall back to these values only when the caller leaves them out.

/** Which return the Monte-Carlo half of the doubly-robust advantage uses (docs/design/MIRA.md §4.10). */
export type ReturnKind = 'shaped' | 'raw';

/** MiRA training hyper-parameters (docs/design/MIRA.md §6, arXiv 2603.19685 §3). */
export interface MiraConfig {
  /** α: weight of the potential-based shaping term r' = r + α·(P(s') − P(s)); 0 disables the potential critic. */
  alpha: number;
  /** λ: mix of the one-step TD error (λ) and the Monte-Carlo error (1 − λ) in the doubly-robust advantage. */
  lambda: number;
  /** γ: discount of both the TD target and the Monte-Carlo return. 1 by default, to match the value critic's
   * target (see MiraDefaults). */
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

/** The values docs/design/MIRA.md §6 gives; frozen so a caller cannot change the defaults of every other caller.
 *
 * γ = 1 (the proposal's default was 0.9; WebRL uses 1), because V is fitted with BCE to the undiscounted outcome r, so
 * V(s) estimates P(success | s), which is the undiscounted return. With γ = 0.9 against that V, a solved
 * episode's steps got negative advantages (TD: γ·V(s') − V(s) ≈ −0.1 per step for V ≈ 1) and the longer the
 * solution the more negative. The alternative, fitting V to γ^(T−t)·r, would make V(s_0) no longer a success
 * probability, which the curriculum band and the replay view read it as; and with γ = 1 the undiscounted
 * shaping P(s') − P(s) is exactly potential-based (Ng et al. 1999). docs/design/MIRA.md §4.9. */
export const MiraDefaults: Readonly<MiraConfig> = Object.freeze({
  alpha: 0.3,
  lambda: 0.5,
  gamma: 1,
  beta: 0.1,
  returnKind: 'shaped',
  perplexityBounds: Object.freeze([1 / 0.95, 1 / 0.5] as const),
  replayCapRatio: 2,
  curriculumBand: Object.freeze([0.05, 0.75] as const),
});
