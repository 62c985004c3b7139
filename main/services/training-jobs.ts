// Training jobs (issue 7): start, stream, cancel and list. The trainer itself is a TrainingRunner (it runs
// the models in a worker thread); this class owns the job's lifecycle and its record, so every outcome —
// finished, failed with the reason, cancelled, or interrupted by a killed process — is recorded and the phases
// completed before it survive.
import { randomUUID } from 'node:crypto';
import type { EpisodeStopLimits, TrainingJob, TrainingPhaseResult, TrainingProgress, TrainingRequest } from '../api/training-types';
import { jobDir, readJobs, writeJob, type StoredTrainingJob } from './job-file';
import { JobOwner, type JobOwnerOptions } from './job-owner';

export interface TrainingRunContext {
  jobId: string;
  /** Where the job keeps its checkpoints (one per variant and phase). */
  dir: string;
  signal: AbortSignal;
  onBackend(backend: NonNullable<TrainingJob['backend']>): void;
  onProgress(progress: Omit<TrainingProgress, 'jobId'>): void;
  /** A phase of a variant was evaluated on the test split. */
  onPhase(result: TrainingPhaseResult): void;
}

export type TrainingRunner = (request: TrainingRequest, ctx: TrainingRunContext) => Promise<void>;

/** Loss points kept per job (the curve is for the eye; phases keep the means). */
const MAX_LOSS_POINTS = 2000;
/** Per-rollout progress is saved at most this often; a unit's new phase or stage, phases and the end are saved
 * at once (an interrupted job names its phase and stage from the saved progress). */
const SAVE_EVERY_MS = 2000;

interface RunningJob {
  job: StoredTrainingJob;
  abort: AbortController;
  done: Promise<void>;
  /** Writes the job now; resolves once every write queued before is on disk. */
  saveNow(): Promise<void>;
}

export class TrainingJobs {
  private readonly running = new Map<string, RunningJob>();
  private readonly owner: JobOwner;

  /** `isAlive`: whether a process is running, so that a job another live process runs (the CLI beside the app
   * on one data folder) is listed as running, not cut off; without it only this process's jobs count as live. */
  constructor(
    private readonly root: string,
    private readonly runner: TrainingRunner,
    private readonly emit: (progress: TrainingProgress) => void = () => undefined,
    private readonly isAlive: (pid: number) => boolean = () => false,
    ownerOptions: JobOwnerOptions = {},
  ) {
    this.owner = new JobOwner(() => this.heartbeat(), ownerOptions);
  }

  /** Stamps every job running here as alive, on disk (the owner's heartbeat calls it; job-owner.ts). */
  async heartbeat(): Promise<void> {
    for (const r of this.running.values()) {
      r.job.heartbeatAt = this.owner.now();
      await r.saveNow();
    }
  }

  async list(): Promise<TrainingJob[]> {
    const live = new Map([...this.running].map(([id, r]) => [id, r.job]));
    const jobs = await readJobs(this.root);
    for (const job of jobs) if (this.cutOff(job)) await this.markInterrupted(job);
    return jobs.map((j) => live.get(j.id) ?? j);
  }

  async get(jobId: string): Promise<TrainingJob> {
    const job = (await this.list()).find((j) => j.id === jobId);
    if (!job) throw new Error(`No training job with id ${jobId}.`);
    return job;
  }

  /** `testTaskIds`: the job's test split (job-test-split.ts) and `evaluationStopRules`: the stop rules its test
   * evaluations run under, kept on the record for "run on the test split" (the same tasks under the same limits). */
  async start(request: TrainingRequest, testTaskIds?: string[], evaluationStopRules?: EpisodeStopLimits): Promise<{ jobId: string; done: Promise<TrainingJob> }> {
    const job: StoredTrainingJob = {
      id: randomUUID(), request, status: 'running', ...this.owner.claim(), createdAt: new Date().toISOString(), finishedAt: null,
      backend: null, phases: [], lossCurve: [], error: null, last: null, ...(testTaskIds ? { testTaskIds } : {}),
      ...(evaluationStopRules ? { evaluationStopRules } : {}),
    };
    await writeJob(this.root, job);
    const abort = new AbortController();
    let lastSave = 0;
    // Each unit's (variant × seed) phase and stage, as last saved: a change is a transition, saved at once.
    const stageOf = new Map<string, string>();
    // Writes are chained so the newest state is always the one on disk last.
    let writes = Promise.resolve();
    const save = (force = false) => {
      if (!force && Date.now() - lastSave < SAVE_EVERY_MS) return writes;
      lastSave = Date.now();
      const snapshot = structuredClone(job);
      writes = writes.then(() => writeJob(this.root, snapshot)).catch((err: Error) => console.error(`Saving training job ${job.id} failed: ${err.message}`));
      return writes;
    };
    const ctx: TrainingRunContext = {
      jobId: job.id,
      dir: jobDir(this.root, job.id),
      signal: abort.signal,
      onBackend: (backend) => ((job.backend = backend), save(true)),
      onProgress: (p) => {
        job.last = { jobId: job.id, ...p };
        if (p.losses && Object.keys(p.losses).length > 0) {
          // The seed keeps each trainer seed's curve its own line on the Training page (issue 17).
          job.lossCurve.push({ variant: p.variant, ...(p.seed !== undefined ? { seed: p.seed } : {}), phase: p.phase, stage: p.stage, step: job.lossCurve.length, losses: p.losses });
          if (job.lossCurve.length > MAX_LOSS_POINTS) job.lossCurve = job.lossCurve.filter((_, i) => i % 2 === 0);
        }
        this.emit(job.last);
        const unit = `${p.variant ?? ''}/${p.seed ?? ''}`;
        const stage = `${p.phase}/${p.stage}`;
        const transition = stageOf.get(unit) !== stage;
        stageOf.set(unit, stage);
        save(transition);
      },
      onPhase: (result) => ((job.phases = [...job.phases, result]), save(true)),
    };
    const done = this.runner(request, ctx).then(
      () => {
        job.status = abort.signal.aborted ? 'cancelled' : 'finished';
        if (job.status === 'cancelled') job.error = 'Cancelled by the user; the phases finished before are kept.';
      },
      (err: Error) => {
        job.status = abort.signal.aborted ? 'cancelled' : 'failed';
        job.error = abort.signal.aborted ? 'Cancelled by the user; the phases finished before are kept.' : `Training failed: ${err.message}`;
      },
    ).then(async () => {
      job.finishedAt = new Date().toISOString();
      save(true);
      await writes;
      this.running.delete(job.id);
      this.emit({ jobId: job.id, variant: job.last?.variant ?? null, phase: job.last?.phase ?? 0, stage: job.last?.stage ?? 'evaluation', done: 1, total: 1, message: `Job ${job.status}.` });
    });
    this.running.set(job.id, { job, abort, done, saveNow: () => save(true) });
    return { jobId: job.id, done: done.then(() => job) };
  }

  /** Resolves false when the job is not running in this process. */
  async cancel(jobId: string): Promise<boolean> {
    const r = this.running.get(jobId);
    if (!r) return false;
    r.abort.abort();
    return true;
  }

  /** Waits for running jobs after cancelling them (shutdown). */
  async close(): Promise<void> {
    for (const r of this.running.values()) r.abort.abort();
    await Promise.all([...this.running.values()].map((r) => r.done));
    await this.owner.close();
  }

  /** A job 'running' on disk that no live process runs: its process was killed (job-owner.ts). */
  private cutOff(job: StoredTrainingJob): boolean {
    if (job.status !== 'running' || this.running.has(job.id)) return false;
    return !this.owner.judge(job, this.isAlive).live;
  }

  private async markInterrupted(job: TrainingJob): Promise<void> {
    job.status = 'interrupted';
    job.error = `The workbench stopped during ${job.last ? `phase ${job.last.phase} (${job.last.stage})` : 'start-up'}; ${job.phases.length} evaluated phase(s) are kept with their checkpoints.`;
    job.finishedAt = new Date().toISOString();
    await writeJob(this.root, job);
  }
}
