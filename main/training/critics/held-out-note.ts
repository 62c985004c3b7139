// Why the value critic has no held-out BCE (docs/design/MIRA.md §4.6). V stops early only on a held-out slice
// with both outcomes: on failures alone a V that predicts failure everywhere scores a near-perfect BCE. Without
// one, V trains on every episode for all its epochs and its held-out number is "not available", with this
// reason for the phase table and the critics' result. Plain code (no tfjs): the core process builds it too.

/** null when the slice held both outcomes (the held-out BCE is real); else a short reason a person can read. */
export function valueHeldOutGap(heldOutSuccesses: number, heldOutFailures: number): string | null {
  if (heldOutSuccesses > 0 && heldOutFailures > 0) return null;
  const missing = heldOutSuccesses === 0 && heldOutFailures === 0 ? 'no episode' : heldOutSuccesses === 0 ? 'no success' : 'no failure';
  return `not available: ${missing} could be held out (an outcome needs 2 episodes to spare one); V trained on all episodes, every epoch`;
}
