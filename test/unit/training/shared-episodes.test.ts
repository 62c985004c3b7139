import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestOutcome } from '../../../main/api/study-types';
import { PolicyModel } from '../../../main/training/model/policy-model';
import { episodesKey, loadShared, saveShared, sharedEvaluation, sharedRollouts, type SharedReport } from '../../../main/training/phases/shared-episodes';
import { useCpuBackend } from './tf-setup';

const OUTCOMES: TestOutcome[] = [
  { taskId: 'a', success: true, failureMode: null, milestones: 3, milestonesTotal: 3, steps: 8 },
  { taskId: 'b', success: false, failureMode: 'stuck_midway', milestones: 1, milestonesTotal: 3, steps: 20 },
];
const isList = (v: unknown): v is TestOutcome[] => Array.isArray(v);

function recorder(): SharedReport & { lines: string[]; progress: (done: number, total: number) => void; seen: [number, number][] } {
  const lines: string[] = [];
  const seen: [number, number][] = [];
  return { lines, seen, log: (line) => lines.push(line), progress: (done, total) => seen.push([done, total]) };
}

describe('episodes shared between units that would run the same ones', () => {
  let dir = '';
  const models: PolicyModel[] = [];
  beforeAll(async () => {
    await useCpuBackend();
    dir = await mkdtemp(join(tmpdir(), 'mira-shared-episodes-'));
  });
  afterAll(async () => {
    for (const m of models) m.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('keys by what, the weights, the vocabulary and the episodes: the same seed gives the same key, anything else another', () => {
    const [a, b, c] = [PolicyModel.init(undefined, 7), PolicyModel.init(undefined, 7), PolicyModel.init(undefined, 8)];
    models.push(a, b, c);
    const key = episodesKey('evaluation', a, {}, ['t1', 't2']);
    expect(episodesKey('evaluation', b, {}, ['t1', 't2'])).toBe(key);
    expect(episodesKey('evaluation', c, {}, ['t1', 't2'])).not.toBe(key);
    expect(episodesKey('evaluation', a, { size: ['S', 'M'] }, ['t1', 't2'])).not.toBe(key);
    expect(episodesKey('evaluation', a, {}, ['t1'])).not.toBe(key);
    expect(episodesKey('rollouts', a, {}, ['t1', 't2'])).not.toBe(key);
  });

  it('loads what was saved, whole; nothing (so the unit runs its own) when absent, unreadable or not the right shape', async () => {
    expect(await loadShared(dir, 'evaluation', 'k1', isList)).toBeNull();
    await saveShared(dir, 'evaluation', 'k1', OUTCOMES);
    expect(await loadShared(dir, 'evaluation', 'k1', isList)).toEqual(OUTCOMES);
    expect(await loadShared(dir, 'rollouts', 'k1', isList)).toBeNull();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await writeFile(join(dir, 'shared-evaluation-k2.json'), '{"half');
    expect(await loadShared(dir, 'evaluation', 'k2', isList)).toBeNull();
    await writeFile(join(dir, 'shared-evaluation-k3.json'), '{"not": "a list"}');
    expect(await loadShared(dir, 'evaluation', 'k3', isList)).toBeNull();
  });

  it('an evaluation runs once per key; the next asker gets its outcomes, told so, with the stage complete', async () => {
    let runs = 0;
    const evaluateNow = async () => (runs++, OUTCOMES);
    const first = recorder();
    expect(await sharedEvaluation(dir, 'e1', 0, evaluateNow, first, () => false)).toEqual(OUTCOMES);
    expect(first.lines).toEqual([]);
    const second = recorder();
    expect(await sharedEvaluation(dir, 'e1', 2, evaluateNow, second, () => false)).toEqual(OUTCOMES);
    expect(runs).toBe(1);
    expect(second.lines[0]).toMatch(/^phase 2 test evaluation: these weights were evaluated already .* its 2 outcomes are reused$/);
    expect(second.seen).toEqual([[2, 2]]);
    // A cancelled evaluation is not kept: the next asker runs its own.
    await sharedEvaluation(dir, 'e2', 1, evaluateNow, recorder(), () => true);
    await sharedEvaluation(dir, 'e2', 1, evaluateNow, recorder(), () => false);
    expect(runs).toBe(3);
  });

  it('rollouts are reused only whole, with the run that stores their episodes', async () => {
    let runs = 0;
    const batch = { trajectories: [{ taskId: 't1', steps: [{ index: 2, prob: 0.4 }] }, { taskId: 't2', steps: [] }], run: { runId: 'run-a', episodes: 2 } };
    const rollNow = async () => (runs++, batch);
    expect(await sharedRollouts(dir, 'r1', 1, 2, rollNow, recorder(), () => false)).toEqual(batch);
    const second = recorder();
    expect(await sharedRollouts(dir, 'r1', 1, 2, rollNow, second, () => false)).toEqual(batch);
    expect(runs).toBe(1);
    expect(second.lines[0]).toMatch(/^phase 1 rollouts: .* its 2 rollouts are reused$/);
    expect(second.seen).toEqual([[2, 2]]);
    // A batch of another size (a cancel cut it short) is neither kept nor reused.
    const short = async () => (runs++, { trajectories: [batch.trajectories[0]] });
    await sharedRollouts(dir, 'r2', 1, 2, short, recorder(), () => false);
    await sharedRollouts(dir, 'r2', 1, 2, rollNow, recorder(), () => false);
    expect(runs).toBe(3);
  });
});
