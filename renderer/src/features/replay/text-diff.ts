/** A line diff (longest common subsequence) between two observations, for the "changes since the previous
 * step" tab. Observation texts are a few hundred lines, so the O(n·m) table is fine. */
export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** `keyOf` says what must match for two lines to be the same (the whole line by default); a 'same' line shows
 * the after text. */
export function diffLines(before: string, after: string, keyOf: (line: string) => string = (line) => line): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const ka = a.map(keyOf);
  const kb = b.map(keyOf);
  const n = a.length;
  const m = b.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = ka[i] === kb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) (out.push({ kind: 'same', text: b[j] }), i++, j++);
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'removed', text: a[i++] });
    else out.push({ kind: 'added', text: b[j++] });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++] });
  while (j < m) out.push({ kind: 'added', text: b[j++] });
  return out;
}

/** An observation line without its element ids (`[123]`): ids keep counting across page loads
 * (browser/session.ts), so after a navigation every line's id is new even where the page's content is not. */
export const withoutElementIds = (line: string): string => line.replace(/\[\d+\]/g, '[]');
