// The entry a CLI or API calls to train (issue 7): starts the trainer worker, prints one line per message
// (backend, progress, losses, phase results), and resolves with the summary. `signal` cancels.
import type { TrainerMessage, TrainingOptions, TrainingSummary } from '../worker/protocol';
import { startTrainingWorker } from '../worker/start-worker';

export interface RunTrainingHooks {
  /** Where progress lines go (default console.log); null to stay quiet. */
  onLine?: ((line: string) => void) | null;
  onMessage?(message: TrainerMessage): void;
  signal?: AbortSignal;
}

export async function runTraining(options: TrainingOptions, hooks: RunTrainingHooks = {}): Promise<TrainingSummary> {
  const print = hooks.onLine === undefined ? (line: string) => console.log(line) : hooks.onLine;
  const handle = startTrainingWorker(options, {
    onMessage(m) {
      hooks.onMessage?.(m);
      const line = formatTrainerMessage(m);
      if (line && print) print(line);
    },
  });
  const onAbort = () => handle.cancel();
  hooks.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await handle.done;
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
  }
}

/** One human-readable line per message (progress lines only at the end of each stage and every 10th). */
export function formatTrainerMessage(m: TrainerMessage): string | null {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  switch (m.type) {
    case 'backend':
      return `[trainer] ${m.reason}`;
    case 'progress':
      return m.done === m.total || m.done % 10 === 0 ? `[trainer] phase ${m.phase} ${m.stage}: ${m.done}/${m.total}` : null;
    case 'loss':
      return `[trainer] phase ${m.phase} ${m.stage} epoch ${m.epoch}: loss ${m.loss.toFixed(4)}${m.samplesPerSecond ? `, ${m.samplesPerSecond.toFixed(0)} samples/s` : ''}${m.extra ? ` ${JSON.stringify(m.extra)}` : ''}`;
    case 'phase':
      return `[trainer] phase ${m.result.phase} done: train SR ${pct(m.result.trainSuccessRate)}, test SR ${pct(m.result.testSuccessRate)} → ${m.result.checkpoint}`;
    case 'log':
      return `[trainer] ${m.line}`;
    case 'done':
      return `[trainer] finished${m.summary.cancelled ? ' (cancelled)' : ''}: test SR by phase ${m.summary.phases.map((p) => pct(p.testSuccessRate)).join(' → ')}`;
    case 'error':
      return `[trainer] error: ${m.message}`;
  }
}
