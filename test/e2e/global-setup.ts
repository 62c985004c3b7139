import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core';
import { startWebHost } from '../../main/host/web-host';
import { RENDERER_DIR } from '../../main/cli/serve-command';

export const E2E_STATE_FILE = join(tmpdir(), 'mira-e2e-state.json');

/** Records real episodes (the oracle on two shop families, one wrong-policy failure) into a fresh data
 * directory, then serves the built renderer and the API on 127.0.0.1 as `npm start` would in web mode. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mira-e2e-'));
  const core = await createCore({ dataDir, sandbox: { instancesPerFamily: 1 }, mode: 'web' });
  const tasks = core.catalog!.all().filter((i) => i.site === 'shop');
  const longest = [...tasks].sort((a, b) => b.oracle.length - a.oracle.length)[0];
  const shortest = [...tasks].sort((a, b) => a.oracle.length - b.oracle.length)[0];
  const oracle = await core.run({ taskIds: [longest.id, shortest.id], policy: 'oracle' });
  await oracle.done;
  const wrong = await core.run({ taskIds: [shortest.id], policy: 'wrong', seed: 3 });
  await wrong.done;
  const host = await startWebHost({
    api: core.api,
    subscribe: (listener) => core.events.subscribe(listener),
    staticDir: RENDERER_DIR,
    blobPath: (hash) => core.store.blobs.pathOf(hash),
  });
  await writeFile(E2E_STATE_FILE, JSON.stringify({ url: host.url, longestTask: longest.id, longestSteps: longest.oracle.length }));
  return async () => {
    await host.close();
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
