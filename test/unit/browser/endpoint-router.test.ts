// How contexts are spread over browser endpoints (main/browser/endpoint-router.ts), without browsers: the
// router only decides where `open` runs, so `open` here records the choice or fails on purpose.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { BrowserEndpoint } from '../../../main/browser/browser-endpoint';
import { EndpointRouter } from '../../../main/browser/endpoint-router';

const endpoint = (label: string, limit: number) =>
  new BrowserEndpoint(label === 'local' ? 'local' : 'ws', label, () => limit, () => Promise.reject(new Error('not used')) as Promise<Browser>);

const pick = async (router: EndpointRouter, fail: ReadonlySet<string> = new Set(), signal?: AbortSignal) =>
  (await router.openOnBest(async (e) => {
    if (fail.has(e.label)) throw new Error(`${e.label} refused the connection`);
    return e.label;
  }, signal)).value;

describe('EndpointRouter', () => {
  it('fills endpoints by their free share of capacity, and waits when all are full', async () => {
    const [local, a, b] = [endpoint('local', 4), endpoint('ws://a', 2), endpoint('ws://b', 2)];
    const router = new EndpointRouter([local, a, b]);
    const order: string[] = [];
    for (let i = 0; i < 8; i++) order.push(await pick(router));
    // Equal shares go to the endpoint with fewer open contexts, then to list order.
    expect(order).toEqual(['local', 'ws://a', 'ws://b', 'local', 'ws://a', 'ws://b', 'local', 'local']);
    expect([local.active, a.active, b.active]).toEqual([4, 2, 2]);
    let ninth: string | null = null;
    const waiting = pick(router).then((label) => (ninth = label));
    await new Promise((r) => setTimeout(r, 20));
    expect(ninth).toBeNull();
    router.release(b);
    expect(await waiting).toBe('ws://b');
    expect([local.contextsOpened, a.contextsOpened, b.contextsOpened]).toEqual([4, 2, 3]);
  });

  it('moves on from an endpoint that fails, which then rests and is reported', async () => {
    const [local, a] = [endpoint('local', 1), endpoint('ws://a', 4)];
    const router = new EndpointRouter([a, local]);
    // ws://a comes first (equal shares, list order) but refuses: the same request lands on local.
    expect(await pick(router, new Set(['ws://a']))).toBe('local');
    expect(a.status()).toMatchObject({ failures: 1, activeContexts: 0, lastError: 'ws://a refused the connection', connected: false });
    expect(a.status().restingUntil).not.toBeNull();
    router.release(local);
    // While it rests it is not offered, even though it has more room.
    expect(await pick(router)).toBe('local');
  });

  it('fails a request only when every endpoint failed it, naming each; a lone endpoint keeps its own error', async () => {
    const router = new EndpointRouter([endpoint('local', 2), endpoint('ws://a', 2)]);
    await expect(pick(router, new Set(['local', 'ws://a']))).rejects.toThrow('No browser endpoint could open a context (local: local refused the connection; ws://a: ws://a refused the connection).');
    const lone = new EndpointRouter([endpoint('local', 2)]);
    await expect(pick(lone, new Set(['local']))).rejects.toThrow(/^local refused the connection$/);
    // The local browser never rests: the next request tries it again (a relaunch after a crash).
    expect(await pick(lone)).toBe('local');
  });

  it('takes an aborted request out of line', async () => {
    const router = new EndpointRouter([endpoint('local', 1)]);
    await pick(router);
    const controller = new AbortController();
    const waiting = pick(router, new Set(), controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });

  it('needs at least one endpoint', () => {
    expect(() => new EndpointRouter([])).toThrow(/No browser endpoint to run episodes on/);
  });
});
