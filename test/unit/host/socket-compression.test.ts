import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WorkbenchApi } from '../../../main/api/contract';
import { startWebHost, type WebHost } from '../../../main/host/web-host';

// Answers travel deflated where the client offers permessage-deflate (issue 22: bytes per replay open), and
// arrive exactly as sent: a large repetitive answer (an episode's steps) and a small one (under the threshold).
let dir: string;
let host: WebHost;
const steps = Array.from({ length: 100 }, (_, t) => ({ t, url: `http://127.0.0.1/shop/item/${t}`, screenshotRef: 'ab'.repeat(32), actionText: `click [${t}]` }));
const api = {
  getEpisode: async (id: string) => ({ id, steps }),
  info: async () => ({ version: 'x' }),
} as unknown as WorkbenchApi;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-socket-deflate-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html>');
  host = await startWebHost({ api, subscribe: () => () => undefined, staticDir: dir, blobPath: () => join(dir, 'none'), log: () => undefined });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

async function call(socket: WebSocket, id: number, method: string, params: unknown[]): Promise<unknown> {
  const answer = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
  socket.send(JSON.stringify({ id, method, params }));
  return answer;
}

describe('WebSocket compression', () => {
  it('agrees to permessage-deflate and answers large and small requests intact', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api`, [`mira-token.${host.token}`]);
    await new Promise<void>((resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)));
    expect(socket.extensions).toContain('permessage-deflate');
    expect(await call(socket, 1, 'getEpisode', ['e1'])).toEqual({ id: 1, result: { id: 'e1', steps } });
    expect(await call(socket, 2, 'info', [])).toEqual({ id: 2, result: { version: 'x' } });
    socket.close();
  });
});
