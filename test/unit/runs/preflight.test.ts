import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inference } from '../../../main/services/inference';
import type { TaskRecord } from '../../../main/api/types';
import { checkReachable, preflightRun } from '../../../main/runs/preflight';

// Issue 14: configuration errors fail a run before it exists, saying what to fix.
const task = (id: string): TaskRecord => ({ id, source: 'webarena', sites: ['shopping'], intent: 'x', startUrl: 'http://x', config: {}, split: null, family: null });
const noCatalog = { catalog: null };
let dir: string;
let listening: Server;
let openUrl: string;
let closedUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-preflight-'));
  listening = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  openUrl = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/v1`;
  // A port that was just free: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(async () => {
  await new Promise((resolve) => listening.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('preflightRun', () => {
  it('refuses an unknown policy and an oracle without a solver for the task', async () => {
    await expect(preflightRun(noCatalog, { policy: 'gpt-agent' }, [task('a')])).rejects.toThrow('Unknown policy "gpt-agent". Available: oracle, react, sgo, local, random, wrong, do-nothing.');
    await expect(preflightRun(noCatalog, { policy: 'oracle' }, [task('webarena/7')])).rejects.toThrow("The oracle policy replays a sandbox family's solver; webarena/7 has none.");
    await expect(preflightRun(noCatalog, { policy: 'random' }, [task('a')])).resolves.toBeUndefined();
  });

  it('refuses a local policy whose checkpoint is missing, and accepts one that exists', async () => {
    const missing = join(dir, 'training', 'nope', 'phase-0.json');
    await expect(preflightRun(noCatalog, { policy: 'local', checkpoint: missing }, [task('a')])).rejects.toThrow(`The checkpoint ${missing} does not exist: train one with \`train\``);
    const present = join(dir, 'phase-0.json');
    await writeFile(present, '{}');
    await expect(preflightRun(noCatalog, { policy: 'local', checkpoint: present }, [task('a')])).resolves.toBeUndefined();
  });

  it('refuses an LLM policy whose provider cannot be reached, before any call is made', async () => {
    const inference = (endpoint: string) => ({ llm: async () => ({}), endpoint: async () => endpoint }) as unknown as Inference;
    await expect(preflightRun({ catalog: null, inference: inference(closedUrl) }, { policy: 'react' }, [task('a')])).rejects.toThrow(
      `The LLM provider at ${closedUrl} cannot be reached (ECONNREFUSED): start the server or correct its base URL in Settings.`,
    );
    // A server that accepts and then hangs up is reachable: what it answers is a mid-run failure.
    await expect(preflightRun({ catalog: null, inference: inference(openUrl) }, { policy: 'sgo' }, [task('a')])).resolves.toBeUndefined();
    await expect(checkReachable('not a url')).rejects.toThrow('The LLM base URL "not a url" is not a URL');
  });

  it('refuses WebArena tasks whose sites nothing serves, naming each site and its variable; sandbox tasks need none', async () => {
    const gitlabTask = { ...task('webarena/2'), sites: ['gitlab'] };
    const profile = { __SHOPPING__: closedUrl, __GITLAB__: openUrl.replace(/\/v1$/, '') };
    await expect(preflightRun({ ...noCatalog, siteProfile: () => profile }, { policy: 'random' }, [task('webarena/1'), gitlabTask])).rejects.toThrow(
      `The WebArena site shopping at ${closedUrl} (ECONNREFUSED; set by SHOPPING or WA_SHOPPING) cannot be reached: start it, or correct the URL.`,
    );
    await expect(preflightRun({ ...noCatalog, siteProfile: () => profile }, { policy: 'random' }, [gitlabTask])).resolves.toBeUndefined();
    const sandboxTask = { ...task('sandbox/shop/x/0'), source: 'sandbox' as const };
    await expect(preflightRun({ ...noCatalog, siteProfile: () => profile }, { policy: 'random' }, [sandboxTask])).resolves.toBeUndefined();
  });

  it('refuses a run whose browser cannot start, after the other checks', async () => {
    const calls: string[] = [];
    const browser = { checkStarts: async () => { calls.push('checkStarts'); throw new Error('The browser /opt/chrome exited with code 127 as it started.'); } };
    await expect(preflightRun({ ...noCatalog, browser }, { policy: 'gpt-agent' }, [task('a')])).rejects.toThrow('Unknown policy');
    expect(calls).toEqual([]); // a wrong request is told so without starting a browser
    await expect(preflightRun({ ...noCatalog, browser }, { policy: 'random' }, [task('a')])).rejects.toThrow('exited with code 127');
    expect(calls).toEqual(['checkStarts']);
  });
});
