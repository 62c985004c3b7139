// Security: a remote browser endpoint's credentials (a Browserless `?token=`, `user:password@`) never leave the
// process in an error. Playwright's connect errors quote the URL it tried, token and all; that text became the
// endpoint's lastError (sent to the Runs page and printed by the CLI) and the episode's recorded error.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEndpointList } from '../../main/api/endpoint-spec';
import { BrowserPool } from '../../main/browser/pool';
import { redactEndpointError } from '../../main/browser/endpoint-secrets';

const TOKEN = 'tok-5e1f2a9b7c';
const PASSWORD = 'pw-8d3e6f0a';
// An endpoint that refuses every connection, as a server does for a wrong or expired token.
let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(401).end('Unauthorized'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function failureOf(endpoint: string): Promise<{ thrown: string; lastError: string }> {
  const pool = new BrowserPool({ endpoints: parseEndpointList(['local#max=0', endpoint]) });
  try {
    const thrown = await pool.newSession().then(() => 'opened', (err: Error) => `${err.message}\n${err.stack ?? ''}`);
    return { thrown, lastError: pool.endpointStatus()[0].lastError ?? '' };
  } finally {
    await pool.close();
  }
}

describe('remote endpoint errors', () => {
  it.each([
    ['a CDP endpoint with ?token=', () => `http://127.0.0.1:${port}/?token=${TOKEN}`],
    ['a CDP endpoint with user:password@', () => `http://user:${PASSWORD}@127.0.0.1:${port}/`],
    ['a Playwright server with ?token=', () => `ws://127.0.0.1:${port}/playwright?token=${TOKEN}`],
  ])('%s: the error and the status name the endpoint without its secret', async (_name, url) => {
    const { thrown, lastError } = await failureOf(url());
    expect(thrown).not.toBe('opened');
    expect(thrown).toMatch(/401|Unauthorized/);
    for (const text of [thrown, lastError]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(PASSWORD);
    }
    expect(lastError).toMatch(/401|Unauthorized/);
  });

  it('hides a token however the message writes it (decoded or percent-encoded)', () => {
    const url = 'wss://grid.example/?token=a%2Fb%3Dc-long';
    const err = redactEndpointError(new Error('failed at wss://grid.example/?token=a%2Fb%3Dc-long and a/b=c-long'), url);
    expect(err.message).toBe('failed at wss://grid.example/?token=[redacted] and [redacted]');
  });
});
