// `npm run bench -- rollouts`: the trainer's rollouts as they were stored before issue 21 (a scratch store, no
// frames) against how a workbench job stores them now (the workbench's own store, which a core holds open at
// the same time, under a run of the job, a 640 px JPEG per step: browser/scaled-frames.ts). Oracle episodes on shop
// train tasks through RolloutEnv.runMany at the trainer's concurrency; the two settings alternate round by
// round so both see the same load. Printed: wall time per batch, per episode, and the per-step observe and
// store times the episodes recorded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OraclePolicy } from '../../main/agent/oracle-policy';
import { createCore } from '../../main/core';
import { RolloutEnv } from '../../main/training/rollout/episode-runner';
import { row } from './stats';

const CONCURRENCY = 3;

export async function benchRollouts(rounds = 3, episodesPerBatch = 6): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mira-bench-rollouts-'));
  const workbench = join(dir, 'workbench');
  // The workbench's core holds its store open while the job's worker writes, as in a real job.
  const core = await createCore({ dataDir: workbench, sandbox: { instancesPerFamily: 5 } });
  const settings = {
    before: { dataDir: join(dir, 'scratch') },
    after: { dataDir: workbench, job: { jobId: 'bench-job', variant: 'full' as const, seed: 1 } },
  };
  const envs = {
    before: await RolloutEnv.open({ ...settings.before, datasetSeed: 1, instancesPerFamily: 10 }),
    after: await RolloutEnv.open({ ...settings.after, datasetSeed: 1, instancesPerFamily: 10 }),
  };
  const figures = { before: { batch: [] as number[], episode: [] as number[], observe: [] as number[], store: [] as number[] }, after: { batch: [] as number[], episode: [] as number[], observe: [] as number[], store: [] as number[] } };
  try {
    const instances = envs.before.catalog.all().filter((i) => i.family === 'shop/add-to-cart' && i.split === 'train').slice(0, episodesPerBatch);
    for (let round = 0; round <= rounds; round++) {
      for (const name of ['before', 'after'] as const) {
        const env = envs[name];
        const started = performance.now();
        const episodes = await env.runMany(
          instances.map((instance, k) => ({ instance, seed: round * 100 + k, policy: (resolveUrl) => new OraclePolicy(instance.oracle, resolveUrl) })),
          CONCURRENCY, undefined, undefined, { phase: round + 1, stage: 'rollout', policy: 'oracle' },
        );
        const wall = performance.now() - started;
        if (round === 0) continue; // warm-up: browser start, first pages
        figures[name].batch.push(wall);
        figures[name].episode.push(wall / episodes.length);
        for (const e of episodes) {
          for (const step of await env.store.steps.list(e!.id)) {
            figures[name].observe.push(step.timings.observeMs);
            figures[name].store.push(step.timings.storeMs);
          }
        }
      }
    }
    for (const name of ['before', 'after'] as const) {
      const label = name === 'before' ? 'scratch store, no frames (before)' : 'workbench store, low frames (after)';
      console.log(`  ${label}`);
      console.log(row(`  batch of ${episodesPerBatch} at concurrency ${CONCURRENCY}`, figures[name].batch));
      console.log(row('  wall time per episode', figures[name].episode));
      console.log(row('  observe per step', figures[name].observe));
      console.log(row('  store per step', figures[name].store));
    }
  } finally {
    await envs.before.close();
    await envs.after.close();
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}
