import { describe, expect, it } from 'vitest';
import { buildQuietly } from '../../scripts/quiet-build';

// `npm start` builds the UI quietly (the first-hour audit of 2026-12-05): one line when the build works, the
// build's whole output when it fails. A node one-liner stands in for vite.
const noisyBuild = (exitCode: number) => [
  '-e',
  `console.log('dist/assets/index.js  912.40 kB'); console.warn('(!) Some chunks are larger than 500 kB after minification.'); process.exit(${exitCode});`,
];

function build(exitCode: number) {
  let written = '';
  const result = buildQuietly('Building the UI (first start)', process.execPath, noisyBuild(exitCode), process.cwd(), (t) => void (written += t));
  return { result, written };
}

describe('buildQuietly', () => {
  it('prints one line saying what it built and how long it took, none of the build\'s output', () => {
    const { result, written } = build(0);
    expect(result.ok).toBe(true);
    expect(written).toMatch(/^Building the UI \(first start\)… built in \d+\.\d s\.\n$/);
    expect(result.output).toContain('(!) Some chunks are larger than 500 kB');
  });

  it('prints the build\'s whole output when it fails, with its exit status', () => {
    const { result, written } = build(3);
    expect(result).toMatchObject({ ok: false, status: 3 });
    expect(written).toMatch(/^Building the UI \(first start\)… failed after \d+\.\d s \(exit 3\)\. Its output:\n/);
    expect(written).toContain('dist/assets/index.js  912.40 kB\n');
    expect(written).toContain('(!) Some chunks are larger than 500 kB after minification.\n');
  });

  it('says so when the build command cannot start', () => {
    let written = '';
    const failed = buildQuietly('Building the UI (first start)', '/nonexistent/npm', ['run', 'build'], process.cwd(), (t) => void (written += t));
    expect(failed.ok).toBe(false);
    expect(written).toContain('failed after');
    expect(written).toContain('(exit not started)');
    expect(written).toContain('ENOENT');
  });
});
