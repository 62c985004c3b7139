import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestOutcome } from '../../../main/api/study-types';
import { PolicyModel } from '../../../main/training/model/policy-model';
import { loadSharedEvaluation, saveSharedEvaluation, sftEvaluationKey } from '../../../main/training/phases/shared-sft-eval';
import { useCpuBackend } from './tf-setup';

const OUTCOMES: TestOutcome[] = [
  { taskId: 'a', success: true, failureMode: null, milestones: 3, milestonesTotal: 3, steps: 8 },
  { taskId: 'b', success: false, failureMode: 'stuck_midway', milestones: 1, milestonesTotal: 3, steps: 20 },
];

describe('shared phase-0 evaluation (one per SFT checkpoint, not per variant)', () => {
  let dir = '';
  const models: PolicyModel[] = [];
  beforeAll(async () => {
    await useCpuBackend();
    dir = await mkdtemp(join(tmpdir(), 'mira-sft-eval-'));
  });
  afterAll(async () => {
    for (const m of models) m.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('keys by the weights, the vocabulary and the test tasks: the same seed gives the same key, anything else another', () => {
    const [a, b, c] = [PolicyModel.init(undefined, 7), PolicyModel.init(undefined, 7), PolicyModel.init(undefined, 8)];
    models.push(a, b, c);
    const key = sftEvaluationKey(a, {}, ['t1', 't2']);
    expect(sftEvaluationKey(b, {}, ['t1', 't2'])).toBe(key);
    expect(sftEvaluationKey(c, {}, ['t1', 't2'])).not.toBe(key);
    expect(sftEvaluationKey(a, { size: ['S', 'M'] }, ['t1', 't2'])).not.toBe(key);
    expect(sftEvaluationKey(a, {}, ['t1'])).not.toBe(key);
  });

  it('loads what was saved, whole; nothing (so the unit evaluates) when absent or unreadable', async () => {
    expect(await loadSharedEvaluation(dir, 'k1')).toBeNull();
    await saveSharedEvaluation(dir, 'k1', OUTCOMES);
    expect(await loadSharedEvaluation(dir, 'k1')).toEqual(OUTCOMES);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await writeFile(join(dir, 'sft-evaluation-k2.json'), '{"half');
    expect(await loadSharedEvaluation(dir, 'k2')).toBeNull();
  });
});
