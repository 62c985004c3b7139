// Critic fits on recorded runs as background jobs (issue 17), like training jobs: each has a record on disk
// (<dataDir>/training/critics/<fitId>/fit.json) with its progress, result or error, next to the critics'
// checkpoint (critics.json) and every episode's V and P (scores.json), which replay draws for episodes whose
// policy recorded none. The core only reads the episodes; the fit computes in a worker thread
// (training/worker/critic-fit-worker.ts), so the UI and the API stay responsive, and a cancel terminates it at
// once. A fit still 'running' on disk whose process is gone was cut off by a killed process.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CriticFitJob, CriticFitRequest, CriticFitResult, EpisodeCritics } from '../api/critic-types';
import type { Store } from '../store';
import type { BackendName } from '../training/backend';
import type { EpisodeScores } from '../training/critics/fit-recorded';
import { CRITICS_DIR, FIT_FILE, SCORES_FILE } from '../training/critics/fit-files';
// No TensorFlow.js on this side (serve must not load it): only the worker the fit starts loads it.
import { JobOwner, type JobOwnerFields } from './job-owner';
import { runRecordedFit } from '../training/critics/run-recorded-fit';

/** Progress is written to the record at most this often (the start and the end always are). */
const SAVE_EVERY_MS = 2000;

export interface CriticFitJobsOptions {
  backend?(): BackendName | 'auto';
  /** Caps the epochs (tests); default the trainer's 20. */
  maxEpochs?: number;
  /** Epochs without a held-out improvement before a critic stops (tests: a long fit); default the trainer's 5. */
  patience?: number;
  /** Whether a process is running (a fit 'running' on disk in another live process, the CLI's, is not cut off). */
  isAlive?(pid: number): boolean;
  /** The clock owner heartbeats are stamped and judged with (tests step it; job-owner.ts). */
  now?(): number;
}

const CANCELLED_BY_USER = 'Cancelled by the user.';
const CANCELLED_BY_CLOSE = 'Cancelled: the workbench closed during the fit (Ctrl-C or quit); start it again.';

/** The request's optional fields that are set, so the record holds no `undefined`s. */
function pick<K extends keyof CriticFitRequest>(request: CriticFitRequest, ...keys: K[]): Pick<CriticFitRequest, K> {
  return Object.fromEntries(keys.filter((k) => request[k] !== undefined).map((k) => [k, request[k]])) as Pick<CriticFitRequest, K>;
}

/** A fit as its file holds it: the API's record plus its owner's token and heartbeat (job-owner.ts). */
type StoredFit = CriticFitJob & JobOwnerFields;

interface RunningFit {
  job: StoredFit;
  abort: AbortController;
  /** Why it was cancelled, for the record. */
  reason: string;
  done: Promise<void>;
}

export class CriticFitJobs {
  private readonly running = new Map<string, RunningFit>();
  private readonly scores = new Map<string, Promise<Record<string, { runId: string } & EpisodeScores>>>();
  private writes: Promise<void> = Promise.resolve();
  private readonly owner: JobOwner;

  /** `trainingDir`: <dataDir>/training; fits live in its `critics/` folder. */
  constructor(private readonly store: Store, private readonly trainingDir: string, private readonly options: CriticFitJobsOptions = {}) {
    this.owner = new JobOwner(() => this.heartbeat(), { now: options.now });
  }

  /** Stamps every fit running here as alive, on disk (the owner's heartbeat calls it; job-owner.ts). */
  async heartbeat(): Promise<void> {
    for (const { job } of this.running.values()) {
      job.heartbeatAt = this.owner.now();
      await this.write(job);
    }
  }

  private get root(): string {
    return join(this.trainingDir, CRITICS_DIR);
  }

  /** Checks the runs exist, then fits in the background; `done` resolves with the final record. */
  async start(request: CriticFitRequest): Promise<{ fitId: string; done: Promise<CriticFitJob> }> {
    const runIds = [...new Set(request.runIds)];
    if (runIds.length === 0) throw new Error('Name at least one run to fit the critics on.');
    for (const runId of runIds) if (!(await this.store.runs.get(runId))) throw new Error(`There is no run ${runId}.`);
    const job: StoredFit = {
      id: randomUUID(), request: { runIds, seed: request.seed ?? 1, ...pick(request, 'maxEpochs', 'patience') }, status: 'running', ...this.owner.claim(), createdAt: new Date().toISOString(),
      finishedAt: null, progress: null, error: null, result: null,
    };
    await this.write(job);
    const abort = new AbortController();
    const entry: RunningFit = { job, abort, reason: CANCELLED_BY_USER, done: Promise.resolve() };
    const done = this.fit(job, abort.signal).then(
      (result) => {
        // A cancel that came after the worker's result changes nothing: the fit and its files are complete.
        job.result = result;
        job.status = 'finished';
      },
      (err: Error) => {
        job.status = abort.signal.aborted ? 'cancelled' : 'failed';
        job.error = abort.signal.aborted ? entry.reason : `The critic fit failed: ${err.message}`;
      },
    ).then(async () => {
      job.finishedAt = new Date().toISOString();
      await this.write(job).catch((err: Error) => console.error(`Saving critic fit ${job.id} failed: ${err.message}`));
      this.running.delete(job.id);
    });
    entry.done = done;
    this.running.set(job.id, entry);
    return { fitId: job.id, done: done.then(() => job) };
  }

  /** Every fit, newest first; with `runId`, only those that include that run. */
  async list(runId?: string): Promise<CriticFitJob[]> {
    const live = new Map([...this.running].map(([id, r]) => [id, r.job]));
    const stored = await this.readAll();
    for (const job of stored.filter((j) => this.cutOff(j))) await this.markInterrupted(job);
    const jobs = stored.map((j) => structuredClone(live.get(j.id) ?? j));
    return runId ? jobs.filter((j) => j.request.runIds.includes(runId)) : jobs;
  }

  /** Per-step V and P of an episode from the newest finished fit that covers its run, or null. */
  async episodeCritics(episodeId: string): Promise<EpisodeCritics | null> {
    const episode = await this.store.episodes.get(episodeId);
    if (!episode) throw new Error(`No episode with id ${episodeId}.`);
    if (episode.runId === null) return null;
    for (const job of await this.list(episode.runId)) {
      if (job.status !== 'finished') continue;
      const scored = (await this.scoresOf(job.id))[episodeId];
      if (!scored) continue;
      // Step t shows V(s_t): s_T, the page after the last action, has no step of its own.
      const T = scored.values.length - 1;
      return { fitId: job.id, values: scored.values.slice(0, T), potentials: scored.potentials?.slice(0, T) ?? null };
    }
    return null;
  }

  /** Cancels a fit running in this process (its worker is terminated at once) and resolves once its record
   * says 'cancelled'; false when no such fit runs here. */
  async cancel(fitId: string): Promise<boolean> {
    const fit = this.running.get(fitId);
    if (!fit) return false;
    fit.abort.abort();
    await fit.done;
    return true;
  }

  async close(): Promise<void> {
    for (const r of this.running.values()) {
      r.reason = CANCELLED_BY_CLOSE;
      r.abort.abort();
    }
    await Promise.all([...this.running.values()].map((r) => r.done));
    await this.owner.close();
  }

  private async fit(job: CriticFitJob, signal: AbortSignal): Promise<CriticFitResult> {
    let saved = 0;
    return runRecordedFit(this.store, join(this.root, job.id), job, {
      backend: this.options.backend?.() ?? 'auto', signal,
      maxEpochs: job.request.maxEpochs ?? this.options.maxEpochs, patience: job.request.patience ?? this.options.patience,
      progress: (stage, done, total, message) => {
        job.progress = { stage, done, total, message };
        // On disk too, now and then, for a UI or CLI in another process watching the same data directory.
        if (Date.now() - saved < SAVE_EVERY_MS) return;
        saved = Date.now();
        this.write(job).catch(() => undefined);
      },
    });
  }

  private scoresOf(fitId: string): Promise<Record<string, { runId: string } & EpisodeScores>> {
    let cached = this.scores.get(fitId);
    if (!cached) {
      cached = readFile(join(this.root, fitId, SCORES_FILE), 'utf8').then((text) => JSON.parse(text), () => ({}));
      this.scores.set(fitId, cached);
    }
    return cached;
  }

  /** Written whole to a temporary file and renamed, so a killed process leaves the previous version; writes
   * are chained, so the newest state is always the one on disk last. */
  private write(job: CriticFitJob): Promise<void> {
    const text = JSON.stringify(job, null, 1);
    const dir = join(this.root, job.id);
    const next = this.writes.then(async () => {
      await mkdir(dir, { recursive: true });
      const tmp = join(dir, `${FIT_FILE}.${randomUUID()}.tmp`);
      await writeFile(tmp, text);
      await rename(tmp, join(dir, FIT_FILE));
    });
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async readAll(): Promise<StoredFit[]> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const jobs: StoredFit[] = [];
    for (const name of names) {
      const file = join(this.root, name, FIT_FILE);
      try {
        jobs.push(JSON.parse(await readFile(file, 'utf8')) as StoredFit);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`Skipping critic fit record ${file}: ${(err as Error).message}`);
      }
    }
    return jobs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  /** A record 'running' on disk that no live process runs: its process was killed mid-fit. This process's own
   * (here or in another core of it, as in tests) and a live process's (a CLI beside the app) are not. */
  private cutOff(job: StoredFit): boolean {
    if (job.status !== 'running' || this.running.has(job.id)) return false;
    return !this.owner.judge(job, (pid) => this.options.isAlive?.(pid) ?? false).live;
  }

  private async markInterrupted(job: CriticFitJob): Promise<void> {
    job.status = 'interrupted';
    job.error = `The workbench stopped during the fit${job.progress ? ` (${job.progress.message})` : ''}; start it again.`;
    job.finishedAt = new Date().toISOString();
    await this.write(job);
  }
}
