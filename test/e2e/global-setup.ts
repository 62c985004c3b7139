import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core';
import { startCoreHost } from '../../main/host/core-host';
import { stubTrainingRunner } from '../helpers/stub-training-runner';
import { E2E_AUTH_FILE, E2E_STATE_FILE, type E2eState } from './state';

/** Records real episodes (the oracle on two shop families, one wrong-policy failure) into a fresh data
 * directory, then serves the built renderer and the API on 127.0.0.1 as `npm start` would in web mode.
 * Training jobs run the stub runner (the real trainer runs once, in test/integration/trainer-phases.test.ts),
 * held in phase 0 until the training spec has looked at the live job and releases it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mira-e2e-'));
  const gate = await startTrainingGate();
  const training = { runner: stubTrainingRunner({ hold: gate.hold }) };
  const core = await createCore({ dataDir, sandbox: { instancesPerFamily: 1 }, mode: 'web', training });
  const tasks = core.catalog!.all().filter((i) => i.site === 'shop');
  const longest = [...tasks].sort((a, b) => b.oracle.length - a.oracle.length)[0];
  const shortest = [...tasks].sort((a, b) => a.oracle.length - b.oracle.length)[0];
  const oracle = await core.run({ taskIds: [longest.id, shortest.id], policy: 'oracle' });
  await oracle.done;
  const wrong = await core.run({ taskIds: [shortest.id], policy: 'wrong', seed: 3 });
  await wrong.done;
  const host = await startCoreHost(core);
  const state: E2eState = { url: host.url, longestTask: longest.id, longestSteps: longest.oracle.length, trainingRelease: gate.url };
  await writeFile(E2E_STATE_FILE, JSON.stringify(state));
  // Specs open `url` (no token) with the token already in the origin's storage, where the page puts it from the
  // printed `?token=` URL (renderer/src/api/web-token.ts; host-reconnect.spec.ts opens that URL for real).
  const origins = [{ origin: host.url, localStorage: [{ name: 'mira-token', value: host.token! }] }];
  await writeFile(E2E_AUTH_FILE, JSON.stringify({ cookies: [], origins }));
  return async () => {
    await host.close();
    await gate.close();
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(E2E_AUTH_FILE, { force: true });
    await rm(E2E_STATE_FILE, { force: true });
  };
}

/** Holds each training job in phase 0 until a POST to `url` (from the spec's process) lets them all go on. */
async function startTrainingGate(): Promise<{ url: string; hold: () => Promise<void>; close: () => Promise<void> }> {
  let release: () => void = () => undefined;
  let released = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    release();
    released = new Promise<void>((resolve) => (release = resolve));
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/release-training`,
    hold: () => released,
    close: () => new Promise<void>((resolve) => (release(), server.close(() => resolve()))),
  };
}
