// What the training form says beside its fields (the first-hour audit of 2026-12-05): the Families list
// preselects several families but shows only the first in its box, and the instances minimum appeared only as
// the browser's bubble on submit.

/** The least instances per family: every fifth instance is a test task (training-types.ts
 * instancesPerFamily), so with fewer a family has nothing to test on; the API refuses it too (schemas.ts). */
export const MIN_INSTANCES = 5;
export const MAX_INSTANCES = 500;

/** "3 selected: a, b, c" under the Families list, whatever the box scrolls to. */
export function familiesSelectedText(families: readonly string[]): string {
  if (families.length === 0) return 'None selected: pick at least one (Ctrl- or ⌘-click picks several).';
  return `${families.length} selected: ${families.join(', ')}`;
}

/** Why an instances count cannot be used, in words; null when it can. */
export function instancesProblem(value: number): string | null {
  if (!Number.isInteger(value) || value < MIN_INSTANCES) {
    return `At least ${MIN_INSTANCES}: every fifth instance of a family is held out as a test task, so fewer would leave nothing to test on.`;
  }
  if (value > MAX_INSTANCES) return `At most ${MAX_INSTANCES} per family.`;
  return null;
}
