import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererBuildReason } from '../../scripts/renderer-freshness';

// `npm start` rebuilds the renderer only when one of its sources is newer than the build (issue 22).
describe('rendererBuildReason', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
  const write = (path: string, seconds: number) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x');
    at(path, seconds);
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function tree(builtAt: number, sourcesAt: number) {
    root = mkdtempSync(join(tmpdir(), 'mira-freshness-'));
    write('renderer/src/App.tsx', sourcesAt);
    write('renderer/index.html', sourcesAt);
    write('package.json', sourcesAt);
    write('dist/renderer/index.html', builtAt);
  }

  it('asks for a build when nothing was built', () => {
    tree(1_000, 900);
    rmSync(join(root, 'dist'), { recursive: true });
    expect(rendererBuildReason(root)).toBe('the renderer has not been built yet');
  });

  it('reuses a build newer than every source', () => {
    tree(1_000, 900);
    expect(rendererBuildReason(root)).toBeNull();
  });

  it('rebuilds when a nested renderer source changed after the build', () => {
    tree(1_000, 900);
    write('renderer/src/features/runs/EpisodeList.tsx', 1_100);
    expect(rendererBuildReason(root)).toBe('renderer changed since the last build');
  });

  it('rebuilds when the dependency manifest changed after the build', () => {
    tree(1_000, 900);
    at('package.json', 1_200);
    expect(rendererBuildReason(root)).toBe('package.json changed since the last build');
  });

  it('ignores node_modules inside the renderer folder', () => {
    tree(1_000, 900);
    write('renderer/node_modules/.vite/cache.json', 2_000);
    expect(rendererBuildReason(root)).toBeNull();
  });
});
