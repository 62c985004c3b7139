import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pickSections } from '../../scripts/bench/sections';

// `npm run bench -- trainers` (a mistyped section) printed nothing and exited 0 (the follow-up audit of 2026-12-05).
describe('bench sections', () => {
  const names = ['harness', 'trainer', 'ui'];

  it('runs the named sections in their listed order, all of them when none is named', () => {
    expect(pickSections(['ui', 'harness'], names)).toEqual({ sections: ['harness', 'ui'] });
    expect(pickSections([], names)).toEqual({ sections: names });
  });

  it('refuses an unknown name, listing the sections that exist', () => {
    expect(pickSections(['trainers', 'ui'], names)).toEqual({ error: 'No bench section "trainers". Sections: harness, trainer, ui (none named: all).' });
  });

  it('exits 2 from `npm run bench` before running anything', () => {
    const done = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', 'trainers'], { encoding: 'utf8', timeout: 120_000 });
    expect(done.status).toBe(2);
    expect(done.stdout).toBe('');
    expect(done.stderr).toContain('No bench section "trainers". Sections: harness, scheduler, observe-parts,');
  }, 150_000);
});
