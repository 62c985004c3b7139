import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WireEvent, WorkbenchApi } from '../../../main/api/contract';
import { startWebHost, type WebHost } from '../../../main/host/web-host';

// Backpressure (issue 14): the per-socket in-flight cap and dropping a client that stopped reading, against
// the real host on loopback with a stand-in API whose calls we control.
let dir: string;
let host: WebHost;
let log: string[];
const listeners = new Set<(event: WireEvent) => void>();
const never = () => new Promise<never>(() => undefined);
const api = {
  info: never,
  getEpisode: (id: string) => {
    throw new Error(`sync failure for ${id}`);
  },
} as unknown as WorkbenchApi;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-socket-limits-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html>');
  log = [];
  host = await startWebHost({
    api,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    staticDir: dir,
    blobPath: () => join(dir, 'none'),
    limits: { maxInFlight: 4, maxBufferedBytes: 1024 * 1024 },
    log: (line) => log.push(line),
  });
});
afterEach(async () => {
  await host.close();
  listeners.clear();
  await rm(dir, { recursive: true, force: true });
});

function open(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api`, [`mira-token.${host.token}`]);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('socket limits', () => {
  it('answers "busy" beyond the in-flight cap, and a handler that throws synchronously with its message', async () => {
    const socket = await open();
    const answers: { id: number; error?: { message: string } }[] = [];
    socket.on('message', (data) => answers.push(JSON.parse(String(data))));
    // Four calls that never finish fill the cap; the fifth and sixth are refused at once.
    for (let id = 1; id <= 6; id++) socket.send(JSON.stringify({ id, method: 'info', params: [] }));
    await expect.poll(() => answers.length).toBe(2);
    expect(answers.map((a) => a.id)).toEqual([5, 6]);
    expect(answers[0].error?.message).toMatch(/^busy: 4 requests are already in flight/);
    socket.close();

    // A fresh connection has its own budget; a throwing handler is an error answer, not a crash.
    const other = await open();
    const answer = await new Promise<{ id: number; error?: { message: string } }>((resolve) => {
      other.once('message', (data) => resolve(JSON.parse(String(data))));
      other.send(JSON.stringify({ id: 1, method: 'getEpisode', params: ['e1'] }));
    });
    expect(answer).toEqual({ id: 1, error: { message: 'sync failure for e1' } });
    other.close();
  });

  it('drops a client that stops reading once its unsent events pass the limit; others are unaffected', async () => {
    // A raw socket that completes the handshake (with the token as its subprotocol) and then reads nothing.
    const stalled = connect(host.port, '127.0.0.1');
    await new Promise<void>((resolve) => stalled.once('connect', () => resolve()));
    stalled.write([
      'GET /api HTTP/1.1', `Host: 127.0.0.1:${host.port}`, 'Upgrade: websocket', 'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', `Sec-WebSocket-Protocol: mira-token.${host.token}`, '', '',
    ].join('\r\n'));
    const handshake = await new Promise<string>((resolve) => stalled.once('data', (d) => resolve(String(d))));
    expect(handshake).toMatch(/^HTTP\/1\.1 101/);
    stalled.pause();
    stalled.on('error', () => undefined);

    const payload = 'x'.repeat(256 * 1024);
    // Kernel buffers absorb a few MiB first; emit until the host gives up on the client (bounded).
    for (let i = 0; i < 2000 && !log.some((l) => l.includes('stopped reading')); i++) {
      for (const listener of [...listeners]) listener({ event: 'step', payload });
      await new Promise((r) => setImmediate(r));
    }
    expect(log.some((l) => /WebSocket client dropped: \d+ bytes unsent \(it stopped reading\)/.test(l))).toBe(true);
    expect(listeners.size).toBe(0);
    stalled.destroy();

    // A reading client still connects and gets events.
    const reader = await open();
    const got = new Promise<string>((resolve) => reader.once('message', (d) => resolve(String(d))));
    for (const listener of [...listeners]) listener({ event: 'run', payload: { id: 'r1' } });
    expect(JSON.parse(await got)).toEqual({ event: 'run', payload: { id: 'r1' } });
    reader.close();
  });
});
