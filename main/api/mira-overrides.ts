// The MiRA hyper-parameters one training job may set (docs/design/MIRA.md §6: every value the design marks
// **default** is a setting), each with the range the trainer accepts where it uses the value. One table for the
// API's schema (mira-overrides-schema.ts), the CLI's `train` flags and the Training form's Advanced section.
// Types and constants only: the renderer imports this file. The defaults repeat MiraDefaults
// (main/training/defaults.ts) for the form's placeholders; test/unit/api/mira-overrides.test.ts keeps them equal.

export const RETURN_KINDS = ['shaped', 'raw'] as const;
export type MiraReturnKind = (typeof RETURN_KINDS)[number];

/** What a job changes of MiraDefaults and the trainer's filter switch; a field left out keeps its default. */
export interface MiraOverrides {
  alpha?: number;
  lambda?: number;
  gamma?: number;
  beta?: number;
  returnKind?: MiraReturnKind;
  perplexityBounds?: [number, number];
  replayCapRatio?: number;
  curriculumBand?: [number, number];
  /** false: the MiRA phases train on all new data (no data-hygiene filter). */
  perplexityFilter?: boolean;
  /** Fraction of each outcome's episodes held out from the critics' fit (early stop, held-out losses). */
  criticHeldOut?: number;
}

/** Inclusive bounds, unless `aboveMin`: then the minimum itself is refused (β > 0). */
export interface ValueRange {
  min: number;
  max: number;
  aboveMin?: boolean;
}

export type MiraNumberKey = 'alpha' | 'lambda' | 'gamma' | 'beta' | 'replayCapRatio' | 'criticHeldOut';
export type MiraBandKey = 'perplexityBounds' | 'curriculumBand';

export interface MiraFieldSpec<K extends string, V> {
  key: K;
  /** The `train` flag that sets it. */
  flag: string;
  label: string;
  default: V;
  range: ValueRange;
}

/** The numbers. Ranges are where the trainer uses them: α ≥ 0 (shaped-reward.ts; above 10 the shaping term, at most
 * α, would swamp the 0/1 outcome), λ and γ in [0, 1] (advantage.ts), β > 0 (policy-losses.ts divides by it), a
 * replay cap ≥ 0 (data-hygiene.ts), a held-out fraction that leaves the critics most episodes to fit. */
export const MIRA_NUMBER_FIELDS: readonly MiraFieldSpec<MiraNumberKey, number>[] = [
  { key: 'alpha', flag: 'alpha', label: 'α shaping weight', default: 0.3, range: { min: 0, max: 10 } },
  { key: 'lambda', flag: 'lambda', label: 'λ TD vs Monte-Carlo mix', default: 0.5, range: { min: 0, max: 1 } },
  { key: 'gamma', flag: 'gamma', label: 'γ discount', default: 1, range: { min: 0, max: 1 } },
  { key: 'beta', flag: 'beta', label: 'β log-ratio scale', default: 0.1, range: { min: 0, max: 100, aboveMin: true } },
  { key: 'replayCapRatio', flag: 'replay-cap', label: 'replay cap (× new data)', default: 2, range: { min: 0, max: 100 } },
  { key: 'criticHeldOut', flag: 'critic-held-out', label: 'critic held-out fraction', default: 0.2, range: { min: 0, max: 0.5 } },
];

/** The bands [lo, hi], lo ≤ hi: a per-action perplexity is 1/p ≥ 1 (data-hygiene.ts); predicted success is a
 * probability (curriculum.ts). */
export const MIRA_BAND_FIELDS: readonly MiraFieldSpec<MiraBandKey, readonly [number, number]>[] = [
  { key: 'perplexityBounds', flag: 'perplexity-band', label: 'perplexity band', default: [1 / 0.95, 1 / 0.5], range: { min: 1, max: 10_000 } },
  { key: 'curriculumBand', flag: 'curriculum-band', label: 'curriculum band (predicted success)', default: [0.05, 0.75], range: { min: 0, max: 1 } },
];

export const DEFAULT_RETURN_KIND: MiraReturnKind = 'shaped';
export const DEFAULT_PERPLEXITY_FILTER = true;

/** "[0, 1]" or "(0, 100]". */
export function rangeText(range: ValueRange): string {
  return `${range.aboveMin ? '(' : '['}${range.min}, ${range.max}]`;
}

export function inRange(x: number, range: ValueRange): boolean {
  return Number.isFinite(x) && (range.aboveMin ? x > range.min : x >= range.min) && x <= range.max;
}

/** Why a band is refused, or null: both ends in the range, lo ≤ hi. */
export function bandProblem(band: readonly [number, number], range: ValueRange): string | null {
  if (!band.every((x) => inRange(x, range))) return `both ends must lie in ${rangeText(range)}`;
  if (band[0] > band[1]) return `the low end (${band[0]}) must not exceed the high end (${band[1]})`;
  return null;
}

/** "α 0.5, return raw, no perplexity filter": what a job changed, for its setup line and panel; '' when nothing. */
export function overridesText(overrides: MiraOverrides | undefined): string {
  if (!overrides) return '';
  const parts: string[] = [];
  for (const f of MIRA_NUMBER_FIELDS) if (overrides[f.key] !== undefined) parts.push(`${shortName(f)} ${overrides[f.key]}`);
  for (const f of MIRA_BAND_FIELDS) {
    const band = overrides[f.key];
    if (band) parts.push(`${shortName(f)} [${band.map((x) => +x.toPrecision(4)).join(', ')}]`);
  }
  if (overrides.returnKind !== undefined) parts.push(`return ${overrides.returnKind}`);
  if (overrides.perplexityFilter === false) parts.push('no perplexity filter');
  return parts.join(', ');
}

/** α, λ, γ, β by their symbol; the others by their label without the parenthesis. */
function shortName(f: MiraFieldSpec<string, unknown>): string {
  return /^[αλγβ] /.test(f.label) ? f.label.slice(0, 1) : f.label.replace(/ \(.*\)$/, '');
}
