// The TrainingRunner contract (main/services/training-jobs.ts): what TrainingJobs, the API and the
// Training page rely on from whatever trains. The real runner (the trainer worker) is checked against it once
// in `npm test` (test/integration/trainer-phases.test.ts), and the stub the other tests use
// (stub-training-runner.ts) against the same checks, so a test driving the stub drives a faithful stand-in.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TrainingJob, TrainingPhaseResult, TrainingProgress, TrainingRequest, TrainingStage } from '../../main/api/training-types';
import type { TrainingRunner } from '../../main/services/training-jobs';

const STAGES: TrainingStage[] = ['demonstrations', 'sft', 'rollout', 'critics', 'policy', 'evaluation'];
const BACKENDS = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

type Event =
  | { kind: 'backend'; backend: NonNullable<TrainingJob['backend']> }
  | { kind: 'progress'; progress: Omit<TrainingProgress, 'jobId'> }
  | { kind: 'phase'; result: TrainingPhaseResult };

export interface RunnerRecord {
  events: Event[];
  phases: TrainingPhaseResult[];
}

/** Runs a runner with a context that records every call, in order. */
export async function recordRunner(runner: TrainingRunner, request: TrainingRequest, dir: string, signal = new AbortController().signal): Promise<RunnerRecord> {
  const events: Event[] = [];
  await runner(request, {
    jobId: 'contract', dir, signal,
    onBackend: (backend) => events.push({ kind: 'backend', backend }),
    onProgress: (progress) => events.push({ kind: 'progress', progress }),
    onPhase: (result) => events.push({ kind: 'phase', result }),
  });
  return { events, phases: events.flatMap((e) => (e.kind === 'phase' ? [e.result] : [])) };
}

/** A finished run of `request` keeps the contract: the backend first, every variant's phases 0 … n in order,
 * each preceded by its stages' progress (SFT losses in phase 0, critic and policy losses after), evaluated
 * on the test split, with its checkpoint on disk under dir/<variant>. */
export function expectRunnerContract(record: RunnerRecord, request: TrainingRequest, dir: string, testTasks: number): void {
  const first = record.events[0];
  expect(first?.kind).toBe('backend');
  for (const e of record.events) {
    if (e.kind !== 'backend') continue;
    expect(BACKENDS).toContain(e.backend.name);
    expect(e.backend.attempts.at(-1)).toMatchObject({ name: e.backend.name, ok: true });
  }
  const expected = request.variants.flatMap((v) => Array.from({ length: request.phases + 1 }, (_, p) => `${v}:${p}`));
  expect(record.phases.map((p) => `${p.variant}:${p.phase}`)).toEqual(expected);

  let since = 0; // progress events since the previous phase result
  for (const [i, e] of record.events.entries()) {
    if (e.kind !== 'phase') continue;
    const r = e.result;
    const before = record.events.slice(since, i).flatMap((x) => (x.kind === 'progress' && x.progress.variant === r.variant && x.progress.phase === r.phase ? [x.progress] : []));
    since = i + 1;
    for (const p of before) expect(STAGES).toContain(p.stage);
    const lossesOf = (stage: TrainingStage, key: string) => before.filter((p) => p.stage === stage && Number.isFinite(p.losses?.[key]));
    if (r.phase === 0) expect(lossesOf('sft', 'sft').length, `${r.variant} phase 0 SFT losses`).toBeGreaterThan(0);
    else {
      expect(lossesOf('critics', 'critic').length, `${r.variant} phase ${r.phase} critic losses`).toBeGreaterThan(0);
      expect(lossesOf('policy', 'policy').length, `${r.variant} phase ${r.phase} policy losses`).toBeGreaterThan(0);
    }
    expect(before.some((p) => p.stage === 'evaluation'), `${r.variant} phase ${r.phase} evaluated`).toBe(true);
    expect(r.testEpisodes).toBe(testTasks);
    // Issue 17: each test episode's outcome, consistent with the SR (the study resamples tasks × seeds).
    expect(r.testOutcomes?.length, `${r.variant} phase ${r.phase} test outcomes`).toBe(testTasks);
    expect(r.testOutcomes!.filter((o) => o.success).length / testTasks).toBeCloseTo(r.testSuccess, 10);
    expect(r.testOutcomes!.every((o) => o.success === (o.failureMode === null))).toBe(true);
    expect(r.testSuccess).toBeGreaterThanOrEqual(0);
    expect(r.testSuccess).toBeLessThanOrEqual(1);
    if (r.phase === 0) expect(r.trainSuccess).toBeNull();
    else expect(r.trainSuccess).toBeGreaterThanOrEqual(0);
    expect(r.checkpoint.startsWith(join(dir, r.variant))).toBe(true);
    expect(existsSync(r.checkpoint), r.checkpoint).toBe(true);
  }
}
