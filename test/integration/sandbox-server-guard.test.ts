import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../main/sandbox/server';

// The sandbox server shares the workbench's process. Two things a local client or a DNS-rebinding page could do
// to it (the security audit of 2026-12-05): reach it under another host name, and grow its memory without
// bound by sending made-up state cookies (each new id used to get a copy of every site's state).
let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer();
});
afterAll(async () => {
  await sandbox.close();
});

/** GET `path` with the given Host and cookie headers; the status and body. */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(path, sandbox.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox server', () => {
  it('answers only under the names this machine reaches it by', async () => {
    const port = new URL(sandbox.baseUrl).port;
    expect((await get('/shop/', { Host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await get('/shop/', { Host: `localhost:${port}` })).status).toBe(200);
    const rebound = await get('/shop/', { Host: `evil.example:${port}` });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('<html');
  });

  it('keeps at most 16 states for made-up cookies, however many arrive', async () => {
    const host = new URL(sandbox.baseUrl).host;
    const before = sandbox.stateCount;
    for (let i = 0; i < 40; i++) expect((await get('/shop/', { Host: host, Cookie: `mira_state=madeup${i}` })).status).toBe(200);
    expect(sandbox.stateCount).toBe(before + 16);
    // An episode's own state is still made, used and dropped.
    const { stateId, cookie } = sandbox.createEpisodeState();
    expect(sandbox.stateCount).toBe(before + 17);
    expect((await get('/shop/', { Host: host, Cookie: `${cookie.name}=${stateId}` })).status).toBe(200);
    sandbox.dropEpisodeState(stateId);
    expect(sandbox.stateCount).toBe(before + 16);
  });
});
