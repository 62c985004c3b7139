// Phase 0's test evaluation, shared between the units of a job that trained the same SFT checkpoint (issue 17:
// the default study's cost). Every variant of one trainer seed starts from the same policy initialisation and
// the same demonstrations, so their SFT checkpoints are the same weights, and a greedy evaluation of the same
// weights on the same test tasks is the same episodes: one evaluation per seed instead of one per variant saves
// a fifth of the default study's test episodes. The key is a hash of what decides the evaluation (weights,
// select vocabulary, test task ids), never the variant's name, so checkpoints that differ in any bit are
// evaluated on their own.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestOutcome } from '../../api/study-types';
import type { SelectVocab } from '../model/candidates';
import type { PolicyModel } from '../model/policy-model';

/** The hash naming a phase-0 evaluation: the policy's weights, its vocabulary and the test tasks. */
export function sftEvaluationKey(policy: PolicyModel, vocab: SelectVocab, testTaskIds: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(policy.config));
  hash.update(JSON.stringify(policy.params.toJSON()));
  hash.update(JSON.stringify(vocab));
  hash.update(testTaskIds.join('\n'));
  return hash.digest('hex').slice(0, 32);
}

function fileOf(dir: string, key: string): string {
  return join(dir, `sft-evaluation-${key}.json`);
}

/** The outcomes another unit recorded for this checkpoint, or null when none did (or the file is unreadable:
 * the caller then evaluates, which is always correct). */
export async function loadSharedEvaluation(dir: string, key: string): Promise<TestOutcome[] | null> {
  const file = fileOf(dir, key);
  if (!existsSync(file)) return null;
  try {
    const outcomes = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return Array.isArray(outcomes) ? (outcomes as TestOutcome[]) : null;
  } catch {
    return null;
  }
}

/** Keeps a finished evaluation for the job's other units; written whole (temp file + rename), so a reader never
 * sees half of it. */
export async function saveSharedEvaluation(dir: string, key: string, outcomes: readonly TestOutcome[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = fileOf(dir, key);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify(outcomes));
  await rename(temp, file);
}
