// The ablation variants the phase loop honours (docs/design/MIRA.md §4.12; issue 7 "Ablation runner"):
// full MiRA, no potential critic (α = 0), KL-style objective instead of MSE, AWR, and no doubly-robust mix
// (λ = 1: pure TD; λ = 0: pure Monte-Carlo). Same seeds and budget; only these settings differ.
import { MiraDefaults, type MiraConfig } from '../defaults';
import type { PolicyObjective } from './updates';

export const TRAINING_VARIANTS = ['full', 'no-potential', 'kl', 'awr', 'awr-filter', 'no-dr-td', 'no-dr-mc'] as const;
export type TrainingVariant = (typeof TRAINING_VARIANTS)[number];

export interface VariantSettings {
  config: MiraConfig;
  objective: PolicyObjective;
  /** Whether the potential critic is fitted at all (not for α = 0). */
  fitPotential: boolean;
}

export function variantSettings(variant: TrainingVariant, overrides: Partial<MiraConfig> = {}): VariantSettings {
  const config: MiraConfig = { ...MiraDefaults, ...overrides };
  switch (variant) {
    case 'full':
      return { config, objective: 'mse', fitPotential: config.alpha > 0 };
    case 'no-potential':
      return { config: { ...config, alpha: 0 }, objective: 'mse', fitPotential: false };
    case 'kl':
      return { config, objective: 'kl', fitPotential: config.alpha > 0 };
    case 'awr':
      return { config, objective: 'awr', fitPotential: config.alpha > 0 };
    case 'awr-filter':
      return { config, objective: 'awr-filter', fitPotential: config.alpha > 0 };
    case 'no-dr-td':
      return { config: { ...config, lambda: 1 }, objective: 'mse', fitPotential: config.alpha > 0 };
    case 'no-dr-mc':
      return { config: { ...config, lambda: 0 }, objective: 'mse', fitPotential: config.alpha > 0 };
    default:
      throw new Error(`Unknown training variant "${String(variant)}"; choose one of ${TRAINING_VARIANTS.join(', ')}.`);
  }
}
