// The order test files start in. Two workers share the files; the run ends when the last file does, so
// the longest files must start first or one of them ends up alone at the tail. Vitest orders by the
// durations it cached on earlier runs, but a fresh clone (CI) has no cache and falls back to file size,
// which puts the short-to-read but long-to-run sweep and trainer files last. So: the files measured to take
// longest first (in this order), then the other integration files, then the unit files.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST_FIRST = [
  'test/integration/oracle-episodes.test.ts',
  'test/integration/electron-bundle.test.ts',
  'test/integration/trainer-phases.test.ts',
  'test/integration/resume-run.test.ts',
  'test/integration/ctrl-c-run.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const path = relative(spec.project.config.root, spec.moduleId).replaceAll('\\', '/');
      const known = LONGEST_FIRST.indexOf(path);
      if (known >= 0) return known;
      return LONGEST_FIRST.length + (path.startsWith('test/integration/') ? 0 : 1);
    };
    // Array.prototype.sort is stable: within a rank, vitest's own order stands.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
