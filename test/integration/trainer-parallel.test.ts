import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainingRequest, TrainingVariant } from '../../main/api/training-types';
import { workerTrainingRunner } from '../../main/services/worker-runner';
import type { TrainingSummary } from '../../main/training/worker/protocol';
import { expectRunnerContract, recordRunner, type RunnerRecord } from '../helpers/training-runner-contract';
import { useTempDir } from '../helpers/use-core';

// Issue 16: two variants of an ablation train in two trainer workers at once (real workers, real Chromium,
// the smallest job: one family, 4 train / 1 test task, one short MiRA phase). Each variant's stream keeps
// the runner contract on its own, the second worker starts before the first has finished, and the job's
// cancel stops both. The second starts once the first has run the episodes their common start decides (phase
// 0's evaluation, phase 1's rollouts: phases/shared-episodes.ts), which it then reuses.
const VARIANTS: TrainingVariant[] = ['full', 'no-potential'];
const REQUEST: TrainingRequest = { variants: VARIANTS, phases: 2, families: ['shop/sorted-category'], instancesPerFamily: 5, seed: 1, parallelVariants: 2 };
const TRAINER = { tasksPerPhase: 4, sftEpochs: 2, criticEpochs: 2, concurrency: 1, maxSteps: 8, perplexityFilter: false };
const tmp = useTempDir('mira-parallel-');

const runner = () => workerTrainingRunner({ datasetSeed: 1, browserPath: () => null, backend: () => 'auto', trainer: TRAINER, cores: () => 1 });
const variantOf = (e: RunnerRecord['events'][number]) => (e.kind === 'progress' ? e.progress.variant : e.kind === 'phase' ? e.result.variant : null);

/** The events of one variant (and the backend reports), as if it had trained alone. */
function only(record: RunnerRecord, variant: TrainingVariant): RunnerRecord {
  const events = record.events.filter((e) => e.kind === 'backend' || variantOf(e) === variant);
  return { events, phases: events.flatMap((e) => (e.kind === 'phase' ? [e.result] : [])) };
}

async function summaryOf(dir: string, variant: TrainingVariant): Promise<TrainingSummary> {
  return JSON.parse(await readFile(join(dir, variant, 'summary.json'), 'utf8')) as TrainingSummary;
}

describe('ablation variants in parallel workers', () => {
  it('trains two variants at once (parallelVariants 2 overrides one core), each stream attributed to its variant', { timeout: 1_200_000 }, async () => {
    const dir = join(tmp.path, 'job');
    const record = await recordRunner(runner(), REQUEST, dir);
    // Two workers: two backend reports.
    expect(record.events.filter((e) => e.kind === 'backend')).toHaveLength(2);
    for (const v of VARIANTS) expectRunnerContract(only(record, v), { ...REQUEST, variants: [v] }, dir, 1);
    // The second variant's worker reported before the first variant's last phase: they ran side by side.
    const firstOfSecond = record.events.findIndex((e) => variantOf(e) === 'no-potential');
    const lastOfFirst = record.events.findLastIndex((e) => e.kind === 'phase' && e.result.variant === 'full');
    expect(firstOfSecond).toBeGreaterThan(-1);
    expect(firstOfSecond).toBeLessThan(lastOfFirst);
    // Both variants start from the same SFT checkpoint: phase 0 is evaluated once and the second reuses it.
    const phaseZero = VARIANTS.map((v) => record.phases.find((p) => p.variant === v && p.phase === 0));
    expect(phaseZero[1]?.testOutcomes).toEqual(phaseZero[0]?.testOutcomes);
    const reused = record.events.filter((e) => e.kind === 'progress' && /outcomes are reused/.test(e.progress.message ?? ''));
    expect(reused.map((e) => variantOf(e))).toEqual(['no-potential']);
    // …and so are phase 1's rollouts: the same weights sampled with the same episode seeds.
    const sharedRollouts = record.events.filter((e) => e.kind === 'progress' && /phase 1 rollouts: .* rollouts are reused/.test(e.progress.message ?? ''));
    expect(sharedRollouts.map((e) => variantOf(e))).toEqual(['no-potential']);
    const phaseOne = VARIANTS.map((v) => record.phases.find((p) => p.variant === v && p.phase === 1));
    expect(phaseOne[1]?.rollouts).toEqual(phaseOne[0]?.rollouts);
    expect(phaseOne[0]?.trainSuccess).toBe(phaseOne[1]?.trainSuccess);
    for (const v of VARIANTS) {
      const summary = await summaryOf(dir, v);
      expect(summary).toMatchObject({ variant: v, cancelled: false });
      expect(summary.phases.map((p) => p.phase)).toEqual([0, 1, 2]);
    }
  });

  it("the job's cancel stops both workers", { timeout: 600_000 }, async () => {
    const dir = join(tmp.path, 'cancelled');
    await cp(join(tmp.path, 'job', 'demos'), join(dir, 'demos'), { recursive: true }); // skip re-recording demos
    const controller = new AbortController();
    const seen = new Set<string>();
    const record = { events: [] as RunnerRecord['events'] };
    await runner()({ ...REQUEST, phases: 3 }, {
      jobId: 'cancel', dir, signal: controller.signal,
      onBackend: (backend) => record.events.push({ kind: 'backend', backend }),
      onPhase: (result) => record.events.push({ kind: 'phase', result }),
      onProgress: (progress) => {
        record.events.push({ kind: 'progress', progress });
        if (progress.variant) seen.add(progress.variant);
        if (seen.size === 2) controller.abort(); // both workers are running
      },
    });
    // The runner settles only once every worker has ended (finished, wound down or been terminated after
    // the grace period), so reaching here means both stopped; neither ran its three MiRA phases.
    expect([...seen].sort()).toEqual([...VARIANTS].sort());
    for (const v of VARIANTS) {
      const phases = record.events.filter((e) => e.kind === 'phase' && e.result.variant === v);
      expect(phases.length).toBeLessThan(4);
    }
  });
});
