import type { NamedElement } from '../api/replay-types';

/** Finds element `id` in an observation text written as `[id] role 'name' …` lines; null when the text has
 * no such line (another view format, or the element was cut at the size budget). */
export function findElement(observation: string, id: string): NamedElement | null {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^\\s*\\[${escaped}\\] (\\S+) '((?:[^'\\\\]|\\\\.)*)'`, 'm').exec(observation);
  return line ? { role: line[1], name: line[2].replace(/\\'/g, "'") } : null;
}
