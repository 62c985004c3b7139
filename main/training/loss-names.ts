// What a person reads for each stored loss name, in the CLI (train's progress lines) and on the Training page. The
// trainer stores a phase's losses under its stage names ("critic" is V's training BCE, "potential" P's training
// MSE, docs/design/MIRA.md §4.2, §4.4); records keep those keys, old and new alike, and only the display says what
// each number is. The renderer may import only types from main/, so it keeps a copy
// (renderer/src/features/training/loss-names.ts) that test/unit/training/loss-names.test.ts holds equal to this one.
export const LOSS_LABELS: Readonly<Record<string, string>> = Object.freeze({ critic: 'value BCE', potential: 'potential MSE' });

/** The display name of a stored loss key (unknown keys, e.g. "policy" or "value held-out BCE", as they are). */
export function lossLabel(key: string): string {
  return LOSS_LABELS[key] ?? key;
}
