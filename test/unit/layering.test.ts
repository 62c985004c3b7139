import { readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { againstOrder, folderOf, importCircles, importEdges, importsOf as imports, sourceFiles } from '../helpers/import-graph';
import { isException, LAYER_EXCEPTIONS, MAIN_LAYERS } from '../helpers/folder-order';

// docs/design/ARCHITECTURE.md §4 "Rules that keep it livable": main/ never imports electron; renderer/ sees only the API
// contract in main/api, and only its types; inside main/ the folders keep the order of §4.1 and no imports form a
// circle. Checked on every test run, not left to hope.
const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'main');

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
    const own = imports(join(ROOT, 'test/unit/layering.test.ts'));
    expect(own.map((i) => i.spec)).toContain('vitest');
    expect(own.map((i) => i.spec)).toContain('node:path');
    expect(own.find((i) => i.spec === '../helpers/folder-order')?.typeOnly).toBe(false);
  });
});

describe('folder order inside main/ (docs/design/ARCHITECTURE.md §4.1)', () => {
  const edges = importEdges(MAIN);

  it('sees the import graph (guards against a resolver that resolves nothing)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: 'core.ts', to: 'store/index.ts', typeOnly: false });
    expect(new Set(edges.map((e) => folderOf(e.from)))).toContain('training');
  });

  it('no files import each other in a circle, not even through types', () => {
    expect(importCircles(edges)).toEqual([]);
  });

  it('every folder has a place in the order', () => {
    expect(againstOrder(edges, MAIN_LAYERS).unplaced).toEqual([]);
  });

  it('no import runs against the order except the named exceptions, and each exception is still needed', () => {
    const { against } = againstOrder(edges, MAIN_LAYERS);
    expect(against.filter((e) => !isException(e)).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
    expect(LAYER_EXCEPTIONS.length).toBeLessThanOrEqual(2);
    for (const exception of LAYER_EXCEPTIONS) expect(against.some((e) => isException(e, [exception])), exception.why).toBe(true);
  });
});

describe('repositories (issue 19)', () => {
  it('only store/ reaches the raw database, and Store lists every repository it holds', () => {
    const edges = importEdges(MAIN);
    expect(edges.filter((e) => e.to === 'store/db.ts' && !e.from.startsWith('store/')).map((e) => e.from)).toEqual([]);
    const storeIndex = readFileSync(join(MAIN, 'store', 'index.ts'), 'utf8');
    const repos = sourceFiles(join(MAIN, 'store'))
      .map((file) => /export class (\w+) \{[\s\S]*?constructor\(private readonly db: Database[,)]/.exec(readFileSync(file, 'utf8'))?.[1])
      .filter((name): name is string => name !== undefined);
    expect(repos.length).toBeGreaterThanOrEqual(8);
    expect(repos.filter((name) => !new RegExp(`new ${name}\\(db[,)]`).test(storeIndex))).toEqual([]); // (db) or (db, owner)
  });
});

describe('the graph checkers on a hand-made graph', () => {
  const edge = (from: string, to: string, typeOnly = false) => ({ from, to, typeOnly });

  it('finds a circle of three files and ignores a chain', () => {
    const circle = [edge('runs/a.ts', 'runs/b.ts'), edge('runs/b.ts', 'runs/c.ts', true), edge('runs/c.ts', 'runs/a.ts')];
    expect(importCircles([...circle, edge('cli/x.ts', 'runs/a.ts')])).toEqual([['runs/a.ts', 'runs/b.ts', 'runs/c.ts']]);
    expect(importCircles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts')])).toEqual([]);
  });

  it('counts an import into a higher layer, allows its own and lower layers, and names an unplaced folder', () => {
    const layers = [['api'], ['store', 'events'], ['runs']];
    const result = againstOrder(
      [edge('store/x.ts', 'api/t.ts'), edge('store/x.ts', 'events.ts'), edge('store/x.ts', 'runs/r.ts'), edge('runs/r.ts', 'extra/e.ts')],
      layers,
    );
    expect(result.against).toEqual([edge('store/x.ts', 'runs/r.ts')]);
    expect(result.unplaced).toEqual(['extra']);
  });

  it('an exception covers only its own files and target', () => {
    const exceptions = [{ from: ['agent/local-policy.ts'], to: ['training/model/'], why: 'test' }];
    expect(isException(edge('agent/local-policy.ts', 'training/model/features.ts'), exceptions)).toBeDefined();
    expect(isException(edge('agent/other.ts', 'training/model/features.ts'), exceptions)).toBeUndefined();
    expect(isException(edge('agent/local-policy.ts', 'training/phases/sft.ts'), exceptions)).toBeUndefined();
  });
});
