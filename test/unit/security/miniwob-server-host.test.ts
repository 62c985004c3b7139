// Security: the MiniWoB++ file server answers only to the loopback names it is reached by, as the web host and
// the sandbox server do (host-guard.ts). A page in the user's own browser whose DNS name is re-pointed at
// 127.0.0.1 (DNS rebinding) could otherwise read every file of the MiniWoB++ folder setting while a run
// serves it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMiniWob, type MiniWobServer } from '../../../main/tasks/miniwob/server';

let dir: string;
let server: MiniWobServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-miniwob-host-'));
  await writeFile(join(dir, 'page.html'), '<p>task page</p>');
  server = await serveMiniWob(dir);
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

function get(host: string): Promise<{ status: number; body: string }> {
  const url = new URL(`${server.baseUrl}/page.html`);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('MiniWoB++ server Host check', () => {
  it('serves the folder to its loopback names', async () => {
    const port = new URL(server.baseUrl).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect(await get(host)).toEqual({ status: 200, body: '<p>task page</p>' });
  });

  it('refuses a rebound DNS name with 421 and no file', async () => {
    const answer = await get(`attacker.example:${new URL(server.baseUrl).port}`);
    expect(answer.status).toBe(421);
    expect(answer.body).not.toContain('task page');
  });
});
