import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The import graph of a source tree, read as text (no compiler): enough to check the layering rules of
// docs/design/ARCHITECTURE.md §4 and to count import circles and imports that run against the folder order.

export interface ImportRef { spec: string; typeOnly: boolean }
export interface Edge { from: string; to: string; typeOnly: boolean }

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Static, re-export, side-effect and dynamic imports of one file. `import type` / `export type` count as type-only. */
export function importsOf(file: string): ImportRef[] {
  const text = readFileSync(file, 'utf8');
  const found: ImportRef[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) found.push({ spec: m[3] ?? m[4] ?? m[5] ?? m[6], typeOnly: Boolean(m[2]) });
  return found;
}

/** The file a relative specifier names (`./x` → x.ts, x.tsx or x/index.ts), or null for a package or a missing file. */
export function resolveRelative(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), spec.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Edges between files under `root`, as paths relative to `root`; imports leaving `root` are left out. */
export function importEdges(root: string): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(root)) {
    for (const { spec, typeOnly } of importsOf(file)) {
      const target = resolveRelative(file, spec);
      if (!target) continue;
      const to = relative(root, target);
      if (to.startsWith('..')) continue;
      edges.push({ from: relative(root, file).split(sep).join('/'), to: to.split(sep).join('/'), typeOnly });
    }
  }
  return edges;
}

/** Strongly connected components with more than one file (Tarjan): each one is an import circle. */
export function importCircles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter); low.set(node, counter); counter += 1;
    stack.push(node); onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) { visit(to); low.set(node, Math.min(low.get(node)!, low.get(to)!)); }
      else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do { member = stack.pop()!; onStack.delete(member); component.push(member); } while (member !== node);
      if (component.length > 1) circles.push(component.sort());
    }
  };
  for (const node of new Set(edges.flatMap((e) => [e.from, e.to]))) if (!index.has(node)) visit(node);
  return circles;
}

/** The top-level unit a file belongs to: its first folder under the root, or the file's own name (core.ts → core). */
export function folderOf(path: string): string {
  const [first, ...rest] = path.split('/');
  return rest.length > 0 ? first : first.replace(/\.tsx?$/, '');
}

/**
 * Imports that run against a layer order: `layers[i]` may import only folders in layers 0..i (its own layer included).
 * A folder missing from the order is reported as `unplaced`, so a new folder cannot slip past the rule.
 */
export function againstOrder(edges: Edge[], layers: readonly (readonly string[])[]): { against: Edge[]; unplaced: string[] } {
  const rank = new Map<string, number>();
  layers.forEach((layer, i) => layer.forEach((folder) => rank.set(folder, i)));
  const unplaced = new Set<string>();
  const against: Edge[] = [];
  for (const edge of edges) {
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    if (!rank.has(from)) unplaced.add(from);
    if (!rank.has(to)) unplaced.add(to);
    if (from === to || !rank.has(from) || !rank.has(to)) continue;
    if (rank.get(to)! > rank.get(from)!) against.push(edge);
  }
  return { against, unplaced: [...unplaced].sort() };
}
