// The trainer worker's entry (docs/design/ARCHITECTURE.md §6): runs the phase loop off the main thread
// and streams TrainerMessages. Cancellation is a shared Int32 flag the loop checks between batches and
// episodes, so a cancel lands even while the worker's event loop is busy with tensor math.
import { parentPort, workerData } from 'node:worker_threads';
import { runTrainer } from '../phases/trainer';
import type { TrainerMessage, TrainerWorkerData } from './protocol';

const data = workerData as TrainerWorkerData;
const flag = new Int32Array(data.cancelFlag);
const shouldStop = () => Atomics.load(flag, 0) === 1;
const emit = (m: TrainerMessage) => parentPort!.postMessage(m);

async function selfTest(batches: number, batchMs: number): Promise<void> {
  // A synthetic job with the real message flow, for tests of streaming and cancel without a browser.
  for (let b = 0; b < batches && !shouldStop(); b++) {
    const until = performance.now() + batchMs;
    while (performance.now() < until) {
      // busy, like a training batch: the event loop is blocked
    }
    emit({ type: 'progress', stage: 'self-test', phase: 0, done: b + 1, total: batches });
  }
  emit({ type: 'done', summary: { backend: 'cpu', variant: 'full', trainTasks: 0, testTasks: 0, phases: [], cancelled: shouldStop() } });
}

const job = data.selfTest ? selfTest(data.selfTest.batches, data.selfTest.batchMs) : runTrainer(data.options, emit, shouldStop).then((summary) => emit({ type: 'done', summary }));
job.catch((err: unknown) => emit({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
