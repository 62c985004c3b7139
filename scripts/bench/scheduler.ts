import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core';
import { withChildCpu } from './chromium-cpu';
import { benchRemoteBrowsers } from './remote-browsers';

/** Scheduler throughput on sandbox tasks with the oracle: the same episodes with 1, 2 and 4 browser
 * contexts in parallel (issue 5), each with Chromium's CPU per step read from the process tree (issue 22).
 * On 2 cores the gain is bounded by CPU, which the figures show. BENCH_REMOTE=0 skips the remote part. */
export async function benchScheduler(episodes = 12): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mira-bench-sched-'));
  const core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 4 } });
  try {
    const taskIds = core.catalog!.all().filter((i) => i.site === 'shop').slice(0, episodes).map((i) => i.id);
    console.log(`\nScheduler: ${taskIds.length} oracle episodes on the shop site`);
    for (const concurrency of [1, 2, 4]) {
      const started = performance.now();
      const { result, cpuSeconds, selfCpuSeconds } = await withChildCpu(async () => (await core.run({ taskIds, policy: 'oracle', scheduler: { concurrency } })).done);
      const seconds = (performance.now() - started) / 1000;
      const steps = result.reduce((n, e) => n + e.stepCount, 0);
      const ok = result.filter((e) => e.success).length;
      const cpu = cpuSeconds === null ? '—' : `${(cpuSeconds * 1000 / steps).toFixed(0)} ms Chromium CPU/step`;
      // Cores kept busy per episode in parallel: what default-concurrency.ts divides the machine's cores by.
      const busy = cpuSeconds === null ? '' : `, ${((cpuSeconds + selfCpuSeconds) / seconds / concurrency).toFixed(2)} cores busy per episode (Chromium + harness)`;
      console.log(
        `  concurrency ${concurrency}: ${seconds.toFixed(1)} s, ${(result.length / seconds * 60).toFixed(1)} episodes/min, ` +
          `${(steps / seconds).toFixed(2)} steps/s, ${cpu}${busy} (${ok}/${result.length} succeeded)`,
      );
    }
    if (process.env.BENCH_REMOTE !== '0') await benchRemoteBrowsers(taskIds);
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}
