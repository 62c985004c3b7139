import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/setup/slow-first-sequencer.ts';

// Unit tests are pure and fast; integration tests drive real Chromium and real SQLite files. One Chromium
// serves the whole run (test/setup/browser-server.ts): every test file connects to it. Time limits are
// generous, sized for a busy 2-core machine: a slow moment is never a failure here (speed is `npm run bench`).
// Worker threads rather than forked processes: on this machine the suite loads its modules about a third
// faster (unit tests: 107 s vs 132 s wall, under load), and sqlite3, Playwright and the trainer's own worker
// thread all run in them.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    globalSetup: ['test/setup/browser-server.ts'],
    pool: 'threads',
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
