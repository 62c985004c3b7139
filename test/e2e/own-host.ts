// A spec's own workbench behind its own web host, for specs that change what the shared global-setup host
// holds (episodes, jobs, settings, the browser) or need a core configured another way: a fresh data
// directory, a core over it in web mode, what the spec records into it first, then the host. The hooks close
// the host and the core and remove the directory after the file's last test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { createCore, type Core, type CoreOptions } from '../../main/core';
import { startCoreHost, type CoreHostOptions } from '../../main/host/core-host';
import type { WebHost } from '../../main/host/web-host';

/** CoreOptions without the data directory (the spec's own temp directory); mode is 'web' unless given. */
export type OwnCoreOptions = Omit<CoreOptions, 'dataDir'>;

/** Filled in by the file's beforeAll; read it inside tests and later hooks. `host` may be replaced by a spec
 * that restarts it: the afterAll closes whichever host is there then. */
export interface OwnHost {
  dir: string;
  core: Core;
  host: WebHost;
}

/** Time for the beforeAll: the core, the sandbox and whatever `prepare` records (real episodes in Chromium)
 * on a busy 2-core machine. Generous on purpose: a slow moment must not fail the spec. */
const SETUP_TIMEOUT_MS = 300_000;

/**
 * Registers the file's beforeAll/afterAll and returns the object they fill.
 * @param prefix the temp directory's name prefix, e.g. 'mira-e2e-fork-'.
 * @param coreOptions the core's options; a function when they depend on the directory or on something the
 *   spec starts first (a browser server, a loopback LLM).
 * @param prepare runs on the core before the host starts (record episodes, seed data, settings).
 * @param hostOptions the host's options (a fixed port or token).
 */
export function ownHost(
  prefix: string,
  coreOptions: OwnCoreOptions | ((dir: string) => OwnCoreOptions | Promise<OwnCoreOptions>),
  prepare?: (core: Core, dir: string) => Promise<unknown>,
  hostOptions?: CoreHostOptions,
): OwnHost {
  const app = {} as OwnHost;
  test.beforeAll(async () => {
    test.setTimeout(SETUP_TIMEOUT_MS);
    app.dir = await mkdtemp(join(tmpdir(), prefix));
    const options = typeof coreOptions === 'function' ? await coreOptions(app.dir) : coreOptions;
    app.core = await createCore({ mode: 'web', ...options, dataDir: app.dir });
    await prepare?.(app.core, app.dir);
    app.host = await startCoreHost(app.core, hostOptions);
  });
  test.afterAll(async () => {
    await app.host?.close();
    await app.core?.close();
    if (app.dir) await rm(app.dir, { recursive: true, force: true });
  });
  return app;
}
