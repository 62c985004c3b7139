import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What global-setup recorded: the host URL and the episodes it made. */
export function e2eState(): { url: string; longestTask: string; longestSteps: number } {
  return JSON.parse(readFileSync(join(tmpdir(), 'mira-e2e-state.json'), 'utf8'));
}
