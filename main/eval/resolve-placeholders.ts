// Placeholders such as __SHOPPING__ may appear in any string of a task's eval block (reference URLs,
// program_html urls and required contents): WebArena replaces them as plain text before scoring
// (docs/design/WEBARENA.md §1.2). This applies a resolver to every string inside a JSON value.

export function resolveDeep<T>(value: T, resolve: (s: string) => string): T {
  if (typeof value === 'string') return resolve(value) as T;
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, resolve)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, resolve)])) as T;
  }
  return value;
}
