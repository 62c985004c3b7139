import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core';
import { withChildCpu } from './chromium-cpu';
import { benchRemoteBrowsers } from './remote-browsers';

/** Scheduler throughput on sandbox tasks with the oracle: the same episodes with 1 to 6 browser contexts in
 * parallel (issue 5), each with Chromium's CPU per step read from the process tree (issue 22), its throughput
 * as a multiple of one at a time, and the machine's default marked (browser/default-concurrency.ts). On 2
 * cores the gain is bounded by CPU, which the figures show. BENCH_REMOTE=0 skips the remote part. */
export async function benchScheduler(episodes = 24): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mira-bench-sched-'));
  const core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 4 } });
  try {
    const taskIds = core.catalog!.all().filter((i) => i.site === 'shop').slice(0, episodes).map((i) => i.id);
    const machineDefault = core.pool.defaultConcurrency();
    console.log(`\nScheduler: ${taskIds.length} oracle episodes on the shop site (this machine's default concurrency: ${machineDefault})`);
    // One small run first, so the first measured concurrency does not pay for Chromium's start and cold caches.
    await (await core.run({ taskIds: taskIds.slice(0, 2), policy: 'oracle', scheduler: { concurrency: 2 } })).done;
    let single: number | null = null;
    let singleCores: number | null = null;
    for (const concurrency of [1, 2, 3, 4, 6]) {
      const started = performance.now();
      const { result, cpuSeconds, selfCpuSeconds } = await withChildCpu(async () => (await core.run({ taskIds, policy: 'oracle', scheduler: { concurrency } })).done);
      const seconds = (performance.now() - started) / 1000;
      const steps = result.reduce((n, e) => n + e.stepCount, 0);
      const ok = result.filter((e) => e.success).length;
      const perMinute = (result.length / seconds) * 60;
      single ??= perMinute;
      const cpu = cpuSeconds === null ? '—' : `${(cpuSeconds * 1000 / steps).toFixed(0)} ms Chromium CPU/step`;
      // Cores kept busy per episode in parallel: what default-concurrency.ts divides the machine's cores by.
      const cores = cpuSeconds === null ? null : (cpuSeconds + selfCpuSeconds) / seconds;
      singleCores ??= cores;
      const busy = cores === null ? '' : `, ${(cores / concurrency).toFixed(2)} cores busy per episode (Chromium + harness)`;
      console.log(
        `  concurrency ${concurrency}${concurrency === machineDefault ? ' (default)' : ''}: ${seconds.toFixed(1)} s, ${perMinute.toFixed(1)} episodes/min ` +
          `(${(perMinute / single).toFixed(2)}× one at a time), ${(steps / seconds).toFixed(2)} steps/s, ${cpu}${busy} (${ok}/${result.length} succeeded)`,
      );
    }
    // What no concurrency can beat: every core busy at one episode's CPU per step (issue 22's analysis; in
    // practice less, as Chromium's CPU per step rises when episodes contend). The faster one episode runs
    // alone, the more cores it keeps busy and the lower this ceiling.
    if (singleCores) {
      const machineCores = availableParallelism();
      console.log(`  ceiling: ${machineCores} cores / ${singleCores.toFixed(2)} cores busy one at a time = ${(machineCores / singleCores).toFixed(2)}× one at a time, at any concurrency`);
    }
    if (process.env.BENCH_REMOTE !== '0') await benchRemoteBrowsers(taskIds);
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}
