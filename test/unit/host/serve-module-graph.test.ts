import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// tfjs belongs in the trainer worker: `serve` (and every CLI command) must start without loading it. Static
// imports are followed from the CLI entry and the web host; dynamic `import()` is not (it loads on use).
const ROOT = resolve(import.meta.dirname, '../../..');
const STATIC_IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts'), base.replace(/\.js$/, '.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Packages reached by static value imports from the entries, each with the file that imports it. */
function staticPackages(entries: string[]): Map<string, string> {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, typeOnly, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (typeOnly) continue;
      if (!spec.startsWith('.')) {
        if (!packages.has(spec)) packages.set(spec, relative(ROOT, file));
        continue;
      }
      const target = resolveModule(file, spec);
      if (target) visit(target);
    }
  };
  entries.forEach((entry) => visit(resolve(ROOT, entry)));
  return packages;
}

describe('serve module graph', () => {
  const packages = staticPackages(['main/cli/index.ts', 'main/host/web-host.ts']);

  it('reaches the web host and the core, so the walk sees real imports', () => {
    expect(packages.get('ws')).toBe('main/host/web-host.ts');
    expect(packages.has('sqlite3')).toBe(true);
  });

  it('never loads TensorFlow.js at start-up', () => {
    expect([...packages].filter(([name]) => name.startsWith('@tensorflow/')).map(([name, by]) => `${name} ← ${by}`)).toEqual([]);
  });
});
