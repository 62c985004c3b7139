import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One id per e2e run, set by the first process that loads this file (Playwright's runner, when it reads the
// config) and inherited by its workers through the environment: two suites on one machine never read or
// remove each other's files.
process.env.MIRA_E2E_RUN ??= `${process.pid}-${randomBytes(4).toString('hex')}`;
const RUN = process.env.MIRA_E2E_RUN;

/** The browser state every spec starts from (playwright.config `storageState`): the global host's token in its
 * origin's localStorage, as if the person had opened the `?token=` URL `serve` printed. Written by global-setup. */
export const E2E_AUTH_FILE = join(tmpdir(), `mira-e2e-${RUN}-auth.json`);
/** Where global-setup records what the specs need (e2eState). */
export const E2E_STATE_FILE = join(tmpdir(), `mira-e2e-${RUN}-state.json`);

export interface E2eState {
  url: string;
  longestTask: string;
  longestSteps: number;
  /** POST here to let the held training job (the stub runner in global-setup) go on past phase 0's fitting. */
  trainingRelease: string;
}

/** What global-setup recorded: the host URL and the episodes it made. */
export function e2eState(): E2eState {
  return JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8'));
}
