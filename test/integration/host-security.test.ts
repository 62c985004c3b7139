import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

// Issue 14 "Must show": a real `serve` on loopback, attacked the way a web page or a local program would:
// a rebound DNS name (forged Host), another site's page (forged Origin), no token, a wrong token, the token in a
// cookie (cookies reach every port of 127.0.0.1, so another local listener could have read it) — all refused
// without the API answering; the printed token works as the WebSocket subprotocol, and the blob key the host
// sends on connecting reads blobs; malformed or oversized frames leave the host up and serving.
const ROOT = join(import.meta.dirname, '../..');
const PAGE_MARKER = 'host-security-test-page';
/** Starting a core (SQLite, the sandbox sites) on a busy 2-core machine. */
const START_TIMEOUT_MS = 120_000;

let dir: string;
let serve: ServeProcess;

interface ServeProcess {
  child: ChildProcess;
  port: number;
  token: string;
  output(): string;
}

/** `serve` as a person starts it; resolves with the port and token it printed. */
async function startServe(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/cli/index.ts'), 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const printed = new Promise<ServeProcess>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)/.exec(output);
      if (url) resolve({ child, port: Number(url[1]), token: url[2], output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before printing its URL:\n${output}`)));
  });
  return printed;
}

/** Runs `serve` expecting it to refuse to start; resolves with its exit code and output. */
function serveRefuses(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/cli/index.ts'), 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw GET: unlike fetch, it may send any Host header, as an attacker's browser after DNS rebinding does. */
function get(path: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: serve.port, path, headers: { host: `127.0.0.1:${serve.port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Upgrade = { status: number; socket: null } | { status: 101; socket: WebSocket };

/** Tries the API's WebSocket; resolves with the refusal's status, or the open socket. */
function upgrade(options: { headers?: Record<string, string>; protocols?: string[] } = {}): Promise<Upgrade> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/api`, options.protocols ?? [], { headers: options.headers });
    socket.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve({ status: res.statusCode!, socket: null });
    });
    socket.on('open', () => resolve({ status: 101, socket }));
    socket.on('error', reject);
  });
}

const tokenProtocol = () => [`mira-token.${serve.token}`];
/** The token where a browser would have sent it under the old cookie scheme: it must open nothing. */
const cookieHeader = () => ({ cookie: `mira-token-${serve.port}=${serve.token}` });

/** The first message of an authenticated socket: the host's hello with the blob read key. */
async function helloBlobKey(): Promise<string> {
  const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/api`, tokenProtocol());
  try {
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data) => resolve(String(data)));
      socket.once('error', reject);
    });
    return (JSON.parse(first) as { hello: { blobKey: string } }).hello.blobKey;
  } finally {
    socket.close();
  }
}

/** Sends one frame and waits for the answer to `id` (or the socket closing, with its code). */
function exchange(socket: WebSocket, frame: string | Buffer, id: number, binary = false): Promise<{ id: number; result?: unknown; error?: { message: string } } | { closed: number }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data));
      if (message.id !== id) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.once('close', (code) => resolve({ closed: code }));
    socket.send(frame, { binary });
  });
}

async function authenticatedInfo(): Promise<{ dataDir: string; mode: string }> {
  const opened = await upgrade({ protocols: tokenProtocol() });
  if (!opened.socket) throw new Error(`upgrade refused: ${opened.status}`);
  try {
    const answer = await exchange(opened.socket, JSON.stringify({ id: 1, method: 'info', params: [] }), 1);
    if (!('result' in answer)) throw new Error(`info did not answer: ${JSON.stringify(answer)}`);
    return answer.result as { dataDir: string; mode: string };
  } finally {
    opened.socket.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-host-security-'));
  // A tiny UI stands in for dist/renderer: the host, not the build, is under test.
  await mkdir(join(dir, 'ui'));
  await writeFile(join(dir, 'ui', 'index.html'), `<!doctype html><title>${PAGE_MARKER}</title>`);
  serve = await startServe(['--port', '0', '--data', join(dir, 'data'), '--static', join(dir, 'ui')]);
}, START_TIMEOUT_MS);

afterAll(async () => {
  if (serve?.child.exitCode === null) {
    const exited = new Promise((resolve) => serve.child.once('exit', resolve));
    serve.child.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe('serve refuses the attacker', () => {
  it('prints a loopback URL with a 48-hex-character token', () => {
    expect(serve.output()).toContain(`http://127.0.0.1:${serve.port}/?token=${serve.token}`);
    expect(serve.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses a forged Host (DNS rebinding) even with the right token: 421, and 403 for the WebSocket', async () => {
    const page = await get(`/?token=${serve.token}`, { host: `evil.example:${serve.port}` });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain(PAGE_MARKER);
    expect((await upgrade({ headers: { host: `evil.example:${serve.port}` }, protocols: tokenProtocol() })).status).toBe(403);
    expect((await upgrade({ headers: { host: `127.0.0.1:${serve.port + 1}` }, protocols: tokenProtocol() })).status).toBe(403);
  });

  it('refuses a forged Origin (another site\'s page) even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${serve.port}`, 'null', `https://127.0.0.1:${serve.port}`]) {
      expect((await upgrade({ headers: { origin }, protocols: tokenProtocol() })).status, origin).toBe(403);
    }
    const page = await get('/', { origin: 'http://evil.example' });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(PAGE_MARKER);
  });

  it('without a token serves only the app shell: a blob and the WebSocket are refused (401)', async () => {
    // The shell is the public renderer bundle; it is what reads ?token= from the address bar.
    expect((await get('/')).status).toBe(200);
    const blob = await get(`/blobs/${'a'.repeat(64)}`);
    expect(blob.status).toBe(401);
    expect(blob.body).toContain('read with the key the workbench gives its page');
    // A percent-encoded path is still a blob path.
    expect((await get(`/%62lobs/${'a'.repeat(64)}`)).status).toBe(401);
    expect((await upgrade()).status).toBe(401);
    expect((await upgrade({ headers: { origin: `http://127.0.0.1:${serve.port}` } })).status).toBe(401);
  });

  it('opens nothing for the right token in a cookie, and never sets one', async () => {
    // Cookies are not separated by port: a cookie for this port also went to every other listener on 127.0.0.1,
    // which could then drive the API. The token now travels only in the subprotocol.
    expect((await upgrade({ headers: cookieHeader() })).status).toBe(401);
    expect((await get(`/blobs/${'a'.repeat(64)}`, cookieHeader())).status).toBe(401);
    for (const path of ['/', `/?token=${serve.token}`, '/index.html', `/blobs/${'a'.repeat(64)}?k=${await helloBlobKey()}`]) {
      expect((await get(path)).headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('refuses a wrong token in the subprotocol, and a wrong key (or the token itself) for blobs', async () => {
    const wrong = serve.token.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect((await upgrade({ protocols: [`mira-token.${wrong}`] })).status).toBe(401);
    expect((await upgrade({ protocols: [`mira-token.${serve.token.slice(0, 20)}`] })).status).toBe(401);
    const key = await helloBlobKey();
    const wrongKey = key.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    for (const k of [wrongKey, serve.token, '']) expect((await get(`/blobs/${'a'.repeat(64)}?k=${k}`)).status, k).toBe(401);
  });

  it('refuses writes over HTTP', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: serve.port, path: '/api', method: 'POST', headers: { host: `127.0.0.1:${serve.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(answer).toBe(405);
  });
});

describe('serve admits the printed token', () => {
  it('serves the page for the printed URL as it is: the page moves the token into its own storage', async () => {
    const login = await get(`/?token=${serve.token}`);
    expect(login.status).toBe(200);
    expect(login.body).toContain(PAGE_MARKER);
    expect(login.headers['referrer-policy']).toBe('no-referrer');
    expect(login.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${serve.port};`);
    expect((await get('/', { host: `localhost:${serve.port}` })).status).toBe(200);
  });

  it('says hello first with the blob key, which reads blobs (404 for one not stored, not 401)', async () => {
    const key = await helloBlobKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toBe(serve.token);
    expect((await get(`/blobs/${'a'.repeat(64)}?k=${key}`)).status).toBe(404);
    const info = await authenticatedInfo();
    expect(info.dataDir).toBe(join(dir, 'data'));
    expect(info.mode).toBe('web');
  });

  it('answers the API over a WebSocket that sends the token as its subprotocol, echoing it back', async () => {
    const protocol = `mira-token.${serve.token}`;
    const opened = await upgrade({ protocols: [protocol], headers: { origin: `http://localhost:${serve.port}` } });
    expect(opened.status).toBe(101);
    const socket = (opened as { socket: WebSocket }).socket;
    try {
      expect(socket.protocol).toBe(protocol);
      const answer = await exchange(socket, JSON.stringify({ id: 9, method: 'info', params: [] }), 9);
      expect(answer).toMatchObject({ id: 9, result: { dataDir: join(dir, 'data') } });
    } finally {
      socket.close();
    }
  });
});

describe('serve survives malformed and oversized frames', () => {
  it('answers null, arrays, non-JSON, unknown methods, bad arguments and a throwing handler with errors', async () => {
    const opened = await upgrade({ protocols: tokenProtocol() });
    const socket = (opened as { socket: WebSocket }).socket;
    try {
      expect(await exchange(socket, 'null', -1)).toMatchObject({ id: -1, error: { message: expect.stringContaining('JSON object') } });
      expect(await exchange(socket, '[]', -1)).toMatchObject({ id: -1, error: { message: expect.stringContaining('JSON object') } });
      expect(await exchange(socket, '{"id":', -1)).toMatchObject({ id: -1, error: { message: expect.stringContaining('must be JSON') } });
      expect(await exchange(socket, '{"id":2,"method":"rmRf","params":[]}', 2)).toMatchObject({ error: { message: 'Unknown API method ("rmRf").' } });
      expect(await exchange(socket, '{"id":3,"method":"getEpisode","params":null}', 3)).toMatchObject({ error: { message: expect.stringContaining('parameters must be an array') } });
      expect(await exchange(socket, Buffer.from('{"id":4,"method":"info","params":[]}'), -1, true)).toMatchObject({ error: { message: expect.stringContaining('text frames') } });
      // The core throws for an unknown episode: the caller gets the message, the host keeps going.
      expect(await exchange(socket, '{"id":5,"method":"getEpisode","params":["no-such-episode"]}', 5)).toMatchObject({ id: 5, error: { message: 'No episode with id no-such-episode.' } });
      expect(await exchange(socket, '{"id":6,"method":"info","params":[]}', 6)).toMatchObject({ id: 6, result: { mode: 'web' } });
    } finally {
      socket.close();
    }
  });

  it('closes only the offending socket for invalid UTF-8 (1007) and a 5 MiB frame (1009)', async () => {
    const bad = (await upgrade({ protocols: tokenProtocol() })) as { socket: WebSocket };
    bad.socket.on('error', () => undefined);
    expect(await exchange(bad.socket, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 1, false)).toEqual({ closed: 1007 });

    const big = (await upgrade({ protocols: tokenProtocol() })) as { socket: WebSocket };
    big.socket.on('error', () => undefined);
    const frame = JSON.stringify({ id: 1, method: 'getBlobText', params: ['x'.repeat(5 * 1024 * 1024)] });
    expect(await exchange(big.socket, frame, 1)).toEqual({ closed: 1009 });

    // Still up and serving, over a fresh connection and over HTTP.
    expect(serve.child.exitCode).toBeNull();
    expect((await authenticatedInfo()).mode).toBe('web');
    expect((await get('/')).status).toBe(200);
    expect(serve.output()).not.toMatch(/Unhandled|uncaught/i);
  });
});

describe('serve start-up rules', () => {
  let blocker: Server;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('fails on an explicit --port that is busy instead of moving to another', async () => {
    const busy = (blocker.address() as { port: number }).port;
    const result = await serveRefuses(['--port', String(busy), '--data', join(dir, 'data-busy'), '--static', join(dir, 'ui')]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Port ${busy} on 127.0.0.1 is already in use`);
    expect(result.output).toContain('--port N');
    expect(result.output).not.toContain('?token=');
  }, START_TIMEOUT_MS);

  it('refuses --no-token on a non-loopback --host', async () => {
    const result = await serveRefuses(['--host', '0.0.0.0', '--no-token', '--port', '0', '--data', join(dir, 'data-open'), '--static', join(dir, 'ui')]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('--no-token is only allowed on a loopback --host');
  }, START_TIMEOUT_MS);
});
