// Issue 21 "Training → use": a training job keeps its test split, and the workbench makes those tasks
// runnable even when the job used more instances per family than the catalog offers, in this process and
// in a later one — so "Run on the test split" (a local-policy run over job.testTaskIds) always finds them.
import { describe, expect, it, vi } from 'vitest';
import { createCore } from '../../main/core';
import { jobTestInstances } from '../../main/services/job-test-split';
import { settledJob, stubTrainingRunner } from '../helpers/stub-training-runner';
import { useTempDir } from '../helpers/use-core';

const tmp = useTempDir('mira-test-split-');
// The trainer's step limit (its episodes', test evaluations' included) is 7 here, not the default 20.
const training = { runner: stubTrainingRunner(), trainer: { maxSteps: 7 } };

describe('a training job\'s test split (docs/design/SANDBOX.md §3.4)', () => {
  it('is recorded on the job and runnable beyond the catalog, in this process and the next', async () => {
    const request = { variants: ['full' as const], phases: 0, families: ['shop/sorted-category', 'shop/add-to-cart'], instancesPerFamily: 10, seed: 1 };
    const expected = jobTestInstances(request, 1).map((i) => i.id);
    // Every fifth instance of each of the two families: indices 0 and 5.
    expect(expected).toEqual(['sandbox/shop/sorted-category/0', 'sandbox/shop/sorted-category/5', 'sandbox/shop/add-to-cart/0', 'sandbox/shop/add-to-cart/5']);

    const first = await createCore({ dataDir: tmp.path, sandbox: { instancesPerFamily: 1 }, training });
    let jobId: string;
    try {
      const beyond = expected.filter((id) => !first.catalog!.get(id));
      expect(beyond.length).toBeGreaterThan(0); // the catalog alone would not have them
      jobId = (await first.api.startTraining(request)).jobId;
      const job = await settledJob(first.api, jobId);
      expect(job.status).toBe('finished');
      expect(job.testTaskIds).toEqual(expected);
      for (const id of expected) {
        expect(first.catalog!.get(id)?.split).toBe('test');
        expect((await first.store.tasks.get(id))?.split).toBe('test');
      }
      // The training audit of 2026-12-05: "run on the test split" ran 30 steps where the evaluation allowed 20. The
      // job keeps its evaluations' stop rules, and a run asked to use them stores and applies them.
      expect(job.evaluationStopRules).toEqual({ maxSteps: 7, maxParseFailures: 3, maxRepeatedActions: 3 });
      const { runId } = await first.api.startRun({ taskIds: [expected[0]], policy: 'local', checkpoint: job.phases[0].checkpoint, stopRules: job.evaluationStopRules });
      expect((await first.store.runs.get(runId))?.config.stopRules).toEqual({ maxSteps: 7, maxParseFailures: 3, maxRepeatedActions: 3 });
      await first.api.cancelRun(runId);
      await vi.waitFor(async () => expect((await first.store.runs.get(runId))?.status).not.toBe('running'), { timeout: 120_000, interval: 250 });
    } finally {
      await first.close();
    }

    // A later process with a one-instance catalog: listing the jobs makes their test splits runnable again.
    const second = await createCore({ dataDir: tmp.path, sandbox: { instancesPerFamily: 1 }, training });
    try {
      expect(expected.some((id) => !second.catalog!.get(id))).toBe(true);
      const [job] = await second.api.listTrainingJobs();
      expect(job.id).toBe(jobId);
      for (const id of expected) expect(second.catalog!.get(id)?.split).toBe('test');
    } finally {
      await second.close();
    }
  }, 120_000);
});
