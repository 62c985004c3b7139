import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright';
import { findBrowser } from '../../main/browser/find-browser';
import { launchArgs } from '../../main/browser/pool';
import { createCore } from '../../main/core';

/** Remote browsers (issue 23): the same oracle episodes at the same concurrency on the local browser alone,
 * then spread over local + 2 Playwright browser servers on loopback. On one machine the servers share its
 * cores, so this measures the routing's overhead and the gain of more browser processes, not a real farm. */
export async function benchRemoteBrowsers(taskIds: readonly string[], concurrency = 6): Promise<void> {
  const servers: BrowserServer[] = [];
  const executablePath = findBrowser().executablePath;
  if (!executablePath) throw new Error('No browser found for the remote-browser bench.');
  for (let i = 0; i < 2; i++) servers.push(await chromium.launchServer({ executablePath, headless: true, args: launchArgs() }));
  const perEndpoint = Math.ceil(concurrency / 3);
  const cases = [
    { name: 'local only', endpoints: [] as string[] },
    { name: 'local + 2 remote', endpoints: [`local#max=${perEndpoint}`, ...servers.map((s) => `${s.wsEndpoint()}#max=${perEndpoint}`)] },
  ];
  console.log(`  remote browsers, concurrency ${concurrency}:`);
  try {
    for (const c of cases) {
      const dir = await mkdtemp(join(tmpdir(), 'mira-bench-remote-'));
      const core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 4 }, browserEndpoints: c.endpoints });
      try {
        const started = performance.now();
        const { done } = await core.run({ taskIds: [...taskIds], policy: 'oracle', scheduler: { concurrency } });
        const result = await done;
        const seconds = (performance.now() - started) / 1000;
        const spread = core.pool.endpointStatus().map((e) => `${e.endpoint === 'local' ? 'local' : e.endpoint.replace(/\/[^/]*$/, '')} ${e.contextsOpened}`).join(', ');
        console.log(`    ${c.name}: ${(result.length / seconds * 60).toFixed(1)} episodes/min (${seconds.toFixed(1)} s, ${result.filter((e) => e.success).length}/${result.length} succeeded; contexts: ${spread})`);
      } finally {
        await core.close();
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
  }
}
