// Failure texts count steps as a person reads them in the replay ("Step 1 / 13"): from 1. Records and
// evidence keep t from 0 (docs/design/MIRA.md §1), so every text goes through here (issue 21: "Key decision
// step 1 … At step 0", "stopped at step 12" for 13 steps).

/** The step number a text shows for step t (0-based). */
export function stepNumber(t: number): number {
  return t + 1;
}
