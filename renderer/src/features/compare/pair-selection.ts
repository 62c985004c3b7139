/** Choosing two items to compare from a table: ticking a third drops the one ticked first; unticking removes. */
export function togglePair(selected: readonly string[], id: string): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  return [...selected, id].slice(-2);
}
