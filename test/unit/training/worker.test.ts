import { describe, expect, it } from 'vitest';
import type { TrainerMessage } from '../../../main/training/worker/protocol';
import { startTrainingWorker } from '../../../main/training/worker/start-worker';

// The worker's synthetic job blocks its own event loop per "batch" like training does; the main thread
// stays free, sees the streamed messages, and a cancel (shared flag) ends the job between batches.
describe('trainer worker', () => {
  it('streams progress from a worker thread and finishes', async () => {
    const messages: TrainerMessage[] = [];
    let mainLoopTicks = 0;
    const ticker = setInterval(() => mainLoopTicks++, 5);
    const handle = startTrainingWorker({ checkpointDir: '/nonexistent' }, { onMessage: (m) => messages.push(m), selfTest: { batches: 5, batchMs: 60 } });
    const summary = await handle.done;
    clearInterval(ticker);
    expect(summary.cancelled).toBe(false);
    expect(messages.filter((m) => m.type === 'progress').map((m) => (m as { done: number }).done)).toEqual([1, 2, 3, 4, 5]);
    expect(mainLoopTicks).toBeGreaterThan(10); // the main loop kept running while the worker was busy
  }, 60_000);

  it('can be cancelled mid-job', async () => {
    let progress = 0;
    const handle = startTrainingWorker({ checkpointDir: '/nonexistent' }, {
      onMessage: (m) => {
        if (m.type === 'progress' && ++progress === 2) handle.cancel();
      },
      selfTest: { batches: 1000, batchMs: 20 },
    });
    const summary = await handle.done;
    expect(summary.cancelled).toBe(true);
    expect(progress).toBeLessThan(1000); // stopped before the end; how soon depends on the machine's load
  }, 60_000);
});
