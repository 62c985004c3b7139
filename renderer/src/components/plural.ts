/** "1 episode", "2 episodes": a count with its noun, never "episode(s)" (the web-UI audit of 2026-12-05). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
