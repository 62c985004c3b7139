import { defineConfig } from 'vitest/config';

// Unit tests are pure and fast; integration tests drive real Chromium and real SQLite files, so they get
// longer time-outs and run in few workers (the project's machines have 2 cores).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
