import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/design/ARCHITECTURE.md §4 "Rules that keep it livable": main/ never imports electron; renderer/ sees only the API
// contract in main/api, and only its types. Checked on every test run, not left to hope.
const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { spec: string; typeOnly: boolean }[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) found.push({ spec: m[3] ?? m[4] ?? m[5], typeOnly: Boolean(m[2]) });
  return found;
}

describe('layering', () => {
  it('main/ never imports electron or the renderer', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'main'))) {
      for (const { spec } of imports(file)) {
        const target = spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : spec;
        if (spec === 'electron' || spec.startsWith('electron/') || target.startsWith('renderer')) offenders.push(`${relative(ROOT, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('renderer/ imports from main/ only the API contract, and only as types', () => {
    const offenders: string[] = [];
    // vite.config.ts is build tooling that runs in Node, not renderer code.
    for (const file of sourceFiles(join(ROOT, 'renderer')).filter((f) => !f.endsWith('vite.config.ts'))) {
      for (const { spec, typeOnly } of imports(file)) {
        if (!spec.startsWith('.')) {
          if (spec === 'electron' || spec.startsWith('node:') || ['fs', 'path', 'child_process', 'sqlite3', 'playwright'].includes(spec)) {
            offenders.push(`${relative(ROOT, file)} → ${spec}`);
          }
          continue;
        }
        const target = relative(ROOT, resolve(dirname(file), spec));
        if (target.startsWith('main') && (!target.startsWith(join('main', 'api')) || !typeOnly)) offenders.push(`${relative(ROOT, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the checker itself sees imports (guards against a regex that matches nothing)', () => {
    const own = imports(join(ROOT, 'test/unit/layering.test.ts')).map((i) => i.spec);
    expect(own).toContain('vitest');
    expect(own).toContain('node:fs');
  });
});
