// The critic fit worker's entry (issue 17): fits V and P on the episodes it was given and saves them
// (critics/fit-and-save.ts), streaming progress, so the core's event loop stays free for the UI and the API
// while TensorFlow.js computes (docs/design/ARCHITECTURE.md §6). The core cancels by terminating it.
import { parentPort, workerData } from 'node:worker_threads';
import { fitAndSave } from '../critics/fit-and-save';
import type { CriticFitWorkerData, CriticFitWorkerMessage } from './critic-fit-protocol';

const data = workerData as CriticFitWorkerData;
const emit = (m: CriticFitWorkerMessage) => parentPort!.postMessage(m);

fitAndSave(data.input, (stage, done, total, message) => emit({ type: 'progress', stage, done, total, message })).then(
  (output) => emit({ type: 'done', output }),
  (err: unknown) => emit({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
);
