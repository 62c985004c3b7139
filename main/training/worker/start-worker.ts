// Starts the trainer in a worker_threads Worker and hands back a handle: streamed messages, a promise of
// the summary, and cancel() (sets the shared flag; the worker is terminated if it has not finished within
// the grace period). Training never runs on the caller's event loop (docs/design/ARCHITECTURE.md §6).
import { Worker } from 'node:worker_threads';
import { RESOURCES } from '../../resources/resource-paths';
import type { PhaseResult, TrainerMessage, TrainerWorkerData, TrainingOptions, TrainingSummary } from './protocol';
import { TrainingDefaults } from '../training-defaults';

export interface TrainingHandle {
  /** Settles with the summary (cancelled: true after a cancel), or rejects with the worker's error. */
  done: Promise<TrainingSummary>;
  cancel(): void;
  readonly worker: Worker;
}

export interface StartOptions {
  onMessage?(message: TrainerMessage): void;
  /** How long a cancelled worker may take to wind down before it is terminated (ms). Default 30 s. */
  cancelGraceMs?: number;
  /** Test hook: run the worker's synthetic job instead of training. */
  selfTest?: TrainerWorkerData['selfTest'];
}

export function startTrainingWorker(options: TrainingOptions, start: StartOptions = {}): TrainingHandle {
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  // From source the worker boots through boot.mjs (tsx, docs/design/ARCHITECTURE.md §6); bundled, it is
  // dist/electron/trainer-worker.cjs.
  const script = RESOURCES.trainerWorker;
  const data: TrainerWorkerData = { entry: script.entry, options, cancelFlag, selfTest: start.selfTest };
  const worker = new Worker(script.file, { workerData: data });
  const phases: PhaseResult[] = [];
  let backend: TrainingSummary['backend'] = 'cpu';
  let killTimer: NodeJS.Timeout | null = null;
  const done = new Promise<TrainingSummary>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      if (killTimer) clearTimeout(killTimer);
      fn();
    };
    worker.on('message', (m: TrainerMessage) => {
      if (m.type === 'phase') phases.push(m.result);
      if (m.type === 'backend') backend = m.name;
      start.onMessage?.(m);
      if (m.type === 'done') {
        finish(() => resolve(m.summary));
        void worker.terminate();
      } else if (m.type === 'error') {
        finish(() => reject(new Error(`Trainer worker failed: ${m.message}`)));
        void worker.terminate();
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => {
      const cancelled = Atomics.load(flag, 0) === 1;
      finish(() =>
        cancelled
          ? resolve({ backend, variant: options.variant ?? TrainingDefaults.variant, trainTasks: 0, testTasks: 0, phases, cancelled: true })
          : reject(new Error(`Trainer worker exited with code ${code} before finishing.`)),
      );
    });
  });
  return {
    done,
    worker,
    cancel() {
      Atomics.store(flag, 0, 1);
      killTimer ??= setTimeout(() => void worker.terminate(), start.cancelGraceMs ?? 30_000);
    },
  };
}
