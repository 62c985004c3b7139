// A browser that cannot start is a configuration error (issue 14): the run is refused before it is created,
// with what the browser said, instead of recording every episode (and its retries) as a browser failure.
// The "browsers" here are small shell scripts, so no Chromium starts.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BrowserPool } from '../../main/browser/pool';
import { openTestCore } from '../helpers/use-core';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-browser-start-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function script(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

it('a run on a browser that exits at start is refused before it exists, saying what the browser printed', { timeout: 120_000 }, async () => {
  const broken = await script('broken-chromium', 'echo "error while loading shared libraries: libnss3.so" >&2\nexit 127');
  const core = await openTestCore({ browserWsEndpoint: null, browserPath: broken, sandbox: { instancesPerFamily: 1 } });
  try {
    const taskIds = (await core.store.tasks.list()).filter((t) => t.family === 'shop/add-to-cart').map((t) => t.id);
    expect(taskIds.length).toBeGreaterThan(0);
    await expect(core.run({ taskIds, policy: 'oracle' })).rejects.toThrow(
      `The browser ${broken} exited with code 127 as it started. It printed: error while loading shared libraries: libnss3.so. Check the browser path`,
    );
    expect(await core.store.runs.list()).toEqual([]);
    expect(await core.store.episodes.list()).toEqual([]);
  } finally {
    await core.close();
  }
});

it('checkStarts reports a local browser that cannot start, and leaves a pool with remote endpoints to its router', { timeout: 60_000 }, async () => {
  const quits = await script('quits', 'exit 1');
  const local = new BrowserPool({ browserPath: quits });
  try {
    await expect(local.checkStarts()).rejects.toThrow(`The browser ${quits} exited with code 1 as it started.`);
    expect(local.endpointStatus()[0].lastError).toContain('exited with code 1');
  } finally {
    await local.close();
  }
  const withRemote = new BrowserPool({ browserPath: quits, endpoints: [{ kind: 'ws', url: 'ws://127.0.0.1:9/never', max: 1 }] });
  try {
    await expect(withRemote.checkStarts()).resolves.toBeUndefined();
  } finally {
    await withRemote.close();
  }
});
