// Starts a critic fit in a worker_threads Worker (booted like the trainer's, resources/resource-paths.ts) and
// hands back a handle: a promise of the fit's output, its progress as it streams, and cancel(), which
// terminates the worker at once — the fit is pure computation on data it was sent, so nothing is left
// half-done that a grace period could save (its folder is ignored unless the fit finished).
import { Worker } from 'node:worker_threads';
import { RESOURCES } from '../../resources/resource-paths';
import type { FitInput, FitOutput, FitProgress } from '../critics/fit-and-save';
import type { CriticFitWorkerData, CriticFitWorkerMessage } from './critic-fit-protocol';

export interface CriticFitHandle {
  /** Settles with the output, or rejects with the worker's error (message 'cancelled' after cancel()). */
  done: Promise<FitOutput>;
  cancel(): void;
}

export const CANCELLED = 'cancelled';

export function startCriticFitWorker(input: FitInput, onProgress: FitProgress): CriticFitHandle {
  const script = RESOURCES.criticFitWorker;
  const data: CriticFitWorkerData = { entry: script.entry, input };
  const worker = new Worker(script.file, { workerData: data });
  let cancelled = false;
  const done = new Promise<FitOutput>((resolve, reject) => {
    worker.on('message', (m: CriticFitWorkerMessage) => {
      if (cancelled) return;
      if (m.type === 'progress') onProgress(m.stage, m.done, m.total, m.message);
      else if (m.type === 'done') resolve(m.output);
      else reject(new Error(m.message));
      if (m.type !== 'progress') void worker.terminate();
    });
    worker.on('error', reject);
    // After 'done' or 'error' this rejection is a no-op: the promise has settled.
    worker.on('exit', (code) => reject(new Error(cancelled ? CANCELLED : `the critic fit worker exited with code ${code} before finishing`)));
  });
  return {
    done,
    cancel() {
      cancelled = true;
      void worker.terminate();
    },
  };
}
