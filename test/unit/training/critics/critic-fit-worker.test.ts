import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitAndSave, type FitInput } from '../../../../main/training/critics/fit-and-save';
import { SCORES_FILE } from '../../../../main/training/critics/fit-files';
import type { RecordedEpisode } from '../../../../main/training/critics/recorded-episodes';
import type { RawState } from '../../../../main/training/model/features';
import { CANCELLED, startCriticFitWorker } from '../../../../main/training/worker/start-critic-fit-worker';

// Critic fits on recorded runs compute in a worker thread (issue 17 polish): the worker's fit gives the same
// numbers as the same fit in-process, streams its epochs, and cancel() terminates it at once. The episodes are
// small hand-made ones (the integration test critics-on-runs.test.ts does the same on recorded runs).
const state = (t: number, label: string): RawState => ({
  intent: 'Buy the cheapest red mug', values: [], subgoals: ['open the mugs page', 'add the red mug to the cart'], progress: null, t,
  nodes: [{ id: '1', role: 'link', name: 'Mugs' }, { id: '2', role: 'button', name: `Add ${label} to cart` }, { id: '3', role: 'textbox', name: 'Search' }],
  past: t === 0 ? [] : [{ kind: 'click', elementName: 'Mugs', text: 'click Mugs' }],
});
const episode = (i: number, success: boolean): RecordedEpisode => ({
  episodeId: `ep-${i}`, runId: 'run-1', states: [0, 1, 2].map((t) => state(t, success ? 'red mug' : `mug ${i}`)),
  outcome: success ? 1 : 0, labels: success ? [0, 0.5, 1] : [0, 0, 0], labelSource: 'steps',
});
const EPISODES = [0, 1, 2, 3, 4, 5].map((i) => episode(i, i % 2 === 0));

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mira-critic-worker-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const input = (dir: string, extra: Partial<FitInput> = {}): FitInput => ({ fitId: 'fit-1', runIds: ['run-1'], seed: 7, episodes: EPISODES, dir: join(root, dir), backend: 'wasm', maxEpochs: 4, ...extra });

describe('critic fit worker', () => {
  it('fits in a worker thread with the same numbers as in-process, streaming its epochs', { timeout: 120_000 }, async () => {
    const epochs: string[] = [];
    const worker = startCriticFitWorker(input('worker'), (stage, done, total, message) => epochs.push(`${stage} ${done}/${total}: ${message}`));
    const inWorker = await worker.done;
    const inProcess = await fitAndSave(input('in-process'), () => undefined);
    expect(inWorker).toEqual({ ...inProcess, checkpoint: join(root, 'worker', 'critics.json') });
    const scores = async (dir: string) => JSON.parse(await readFile(join(root, dir, SCORES_FILE), 'utf8'));
    expect(await scores('worker')).toEqual(await scores('in-process'));
    console.log(`worker fit: V train BCE ${inWorker.value.trainLoss.toFixed(6)}, held-out ${inWorker.value.heldOutLoss?.toFixed(6)}; P held-out ${inWorker.potential?.heldOutLoss?.toFixed(6)}`);
    expect(inWorker.heldOutEpisodes).toBe(2); // a fifth of 3 successes and of 3 failures, rounded: 1 each
    expect(epochs[0]).toMatch(/^value 1\/4: Value critic V: epoch 1 of at most 4, held-out BCE \d\.\d{4}$/);
    expect(epochs.some((e) => e.startsWith('potential 1/4: Potential critic P: epoch 1 of at most 4, held-out MSE'))).toBe(true);
    expect(epochs.at(-1)).toBe('scoring 0/1: Saving the critics and every episode\'s V and P…');
  });

  it('cancel() terminates a running fit at once and rejects with "cancelled"', { timeout: 120_000 }, async () => {
    let seen = 0;
    const worker = startCriticFitWorker(input('cancelled', { maxEpochs: 1_000_000, patience: 1_000_000 }), () => {
      if (++seen === 2) worker.cancel();
    });
    await expect(worker.done).rejects.toThrow(CANCELLED);
    expect(seen).toBe(2); // nothing streams after the cancel
  });

  it('reports the fit\'s own error (no episodes) as a rejection', { timeout: 120_000 }, async () => {
    const worker = startCriticFitWorker(input('empty', { episodes: [] }), () => undefined);
    await expect(worker.done).rejects.toThrow('No scored episodes with stored observations to fit the critics on.');
  });
});
