// What a person reads for each stored loss name. The trainer stores a phase's losses under its stage names
// ("critic" is V's training BCE, "potential" P's training MSE, docs/design/MIRA.md §4.2, §4.4); records keep those
// keys, old and new alike, and only the display says what each number is. The CLI prints the same names from
// main/training/loss-names.ts; the renderer may import only types from main/, so this is a copy that
// test/unit/training/loss-names.test.ts holds equal to it.
export const LOSS_LABELS: Readonly<Record<string, string>> = Object.freeze({ critic: 'value BCE', potential: 'potential MSE' });

/** The display name of a stored loss key (unknown keys, e.g. "policy" or "value held-out BCE", as they are). */
export function lossLabel(key: string): string {
  return LOSS_LABELS[key] ?? key;
}
