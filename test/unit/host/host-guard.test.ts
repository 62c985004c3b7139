import { describe, expect, it } from 'vitest';
import {
  allowedHosts, blobReadKey, generateToken, hasValidBlobKey, hasValidToken, hostWithPort, isAllowedHost, isAllowedOrigin,
  isLoopbackBind, protocolToken, tokensEqual, TOKEN_PATTERN,
} from '../../../main/host/host-guard';

describe('Host and Origin allow-list', () => {
  const loopback = allowedHosts('127.0.0.1', 5175);

  it('admits exactly the three loopback names with the port', () => {
    expect([...loopback].sort()).toEqual(['127.0.0.1:5175', '[::1]:5175', 'localhost:5175']);
    for (const host of ['127.0.0.1:5175', 'localhost:5175', 'LOCALHOST:5175', '[::1]:5175']) expect(isAllowedHost(host, loopback)).toBe(true);
  });

  it('refuses a rebound DNS name, another port, a missing port, a missing header and look-alikes', () => {
    for (const host of ['evil.example:5175', '127.0.0.1:5176', '127.0.0.1', 'localhost', '127.0.0.1.evil.example:5175', 'localhost:5175.evil', '::1:5175', '']) {
      expect(isAllowedHost(host, loopback), host).toBe(false);
    }
    expect(isAllowedHost(undefined, loopback)).toBe(false);
  });

  it('admits a missing Origin and our own origins only', () => {
    expect(isAllowedOrigin(undefined, loopback)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5175', loopback)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5175', loopback)).toBe(true);
    expect(isAllowedOrigin('http://[::1]:5175', loopback)).toBe(true);
    for (const origin of ['null', 'http://evil.example:5175', 'https://127.0.0.1:5175', 'http://127.0.0.1:5175/', 'http://127.0.0.1:80', 'file://', 'http://127.0.0.1:5175.evil.example', '']) {
      expect(isAllowedOrigin(origin, loopback), origin).toBe(false);
    }
  });

  it('adds a non-loopback --host to the allow-list, and leaves loopback binds alone', () => {
    const lan = allowedHosts('192.168.1.20', 8000);
    expect(isAllowedHost('192.168.1.20:8000', lan)).toBe(true);
    expect(isAllowedHost('127.0.0.1:8000', lan)).toBe(true);
    expect(isAllowedHost('evil.example:8000', lan)).toBe(false);
    expect(allowedHosts('localhost', 8000).size).toBe(3);
    expect(allowedHosts('::1', 8000).size).toBe(3);
  });

  it('knows loopback binds and formats IPv6 hosts in brackets', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackBind(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'gpu-box', '127.0.0.1.evil.example']) expect(isLoopbackBind(host), host).toBe(false);
    expect(hostWithPort('::1', 5175)).toBe('[::1]:5175');
    expect(hostWithPort('127.0.0.1', 5175)).toBe('127.0.0.1:5175');
  });
});

describe('token', () => {
  it('is 48 hex characters, fresh each time, and fits the token pattern', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).toMatch(/^[0-9a-f]{48}$/);
    expect(a).not.toBe(b);
    expect(TOKEN_PATTERN.test(a)).toBe(true);
    expect(TOKEN_PATTERN.test('short')).toBe(false);
    expect(TOKEN_PATTERN.test('has space in it 1234567')).toBe(false);
  });

  it('compares equal tokens as equal and any difference (content or length) as unequal', () => {
    const token = 'a'.repeat(48);
    expect(tokensEqual(token, token)).toBe(true);
    expect(tokensEqual(`${'a'.repeat(47)}b`, token)).toBe(false);
    expect(tokensEqual('a'.repeat(47), token)).toBe(false);
    expect(tokensEqual(`${token}a`, token)).toBe(false);
    expect(tokensEqual('', token)).toBe(false);
  });

  it('reads the token from a Sec-WebSocket-Protocol list', () => {
    expect(protocolToken('chat, mira-token.abc123')).toEqual({ protocol: 'mira-token.abc123', token: 'abc123' });
    expect(protocolToken('chat')).toBeNull();
    expect(protocolToken(undefined)).toBeNull();
  });

  it('accepts an upgrade holding the right token in its subprotocol, and nothing else', () => {
    const check = { token: 'T'.repeat(32) };
    expect(hasValidToken(check, { 'sec-websocket-protocol': `mira-token.${check.token}` })).toBe(true);
    expect(hasValidToken(check, { 'sec-websocket-protocol': `chat, mira-token.${check.token}` })).toBe(true);
    expect(hasValidToken(check, { 'sec-websocket-protocol': 'mira-token.wrong' })).toBe(false);
    expect(hasValidToken(check, { 'sec-websocket-protocol': `mira-token.${check.token.slice(1)}` })).toBe(false);
    expect(hasValidToken(check, {})).toBe(false);
    // A cookie is never read: cookies reach every port of 127.0.0.1 (host-guard.ts).
    expect(hasValidToken(check, { cookie: `mira-token-5175=${check.token}` } as never)).toBe(false);
    expect(hasValidToken({ token: null }, {})).toBe(true);
  });
});

describe('blob read key', () => {
  const check = { token: 'T'.repeat(32) };

  it('is HMAC-SHA256(token, "mira-workbench blob read v1"), checked by openssl', () => {
    // printf '%s' 'mira-workbench blob read v1' | openssl dgst -sha256 -hmac TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
    expect(blobReadKey(check.token)).toBe('05e62bab81eb8fdb550fd2b7241f9f520f072b43accfe355722acfc11e98b868');
  });

  it('opens blobs with the key only: not the token itself, not another token\'s key, not nothing', () => {
    expect(hasValidBlobKey(check, blobReadKey(check.token))).toBe(true);
    expect(hasValidBlobKey(check, check.token)).toBe(false);
    expect(hasValidBlobKey(check, blobReadKey('U'.repeat(32)))).toBe(false);
    expect(hasValidBlobKey(check, null)).toBe(false);
    expect(hasValidBlobKey(check, '')).toBe(false);
    expect(hasValidBlobKey({ token: null }, null)).toBe(true);
  });
});
