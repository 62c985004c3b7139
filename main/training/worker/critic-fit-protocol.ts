// Messages between the critic fit worker and the core that started it (issue 17; docs/design/ARCHITECTURE.md §6:
// TensorFlow.js in a worker thread, never the main loop). The core sends the episodes it read from the store;
// the worker streams the fit's progress and ends with the result or an error. Cancel terminates the worker.
import type { CriticFitStage } from '../../api/critic-types';
import type { FitInput, FitOutput } from '../critics/fit-and-save';

export interface CriticFitWorkerData {
  /** The module boot.mjs imports (the .ts source, or the bundle itself). */
  entry: string;
  input: FitInput;
}

export type CriticFitWorkerMessage =
  | { type: 'progress'; stage: CriticFitStage; done: number; total: number; message: string }
  | { type: 'done'; output: FitOutput }
  | { type: 'error'; message: string };
