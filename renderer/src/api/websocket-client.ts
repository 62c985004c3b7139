import type { ApiEventName, ApiEvents, WireEvent, WireHello, WireResponse, WorkbenchApi, WorkbenchClient } from '../../../main/api/contract';

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

const TOKEN_PROTOCOL_PREFIX = 'mira-token.';

/** The WorkbenchClient over the web host's WebSocket: JSON requests with ids, events fanned out to
 * listeners, and reconnection with back-off when the host restarts. Every (re)connection presents the access
 * token (web-token.ts) as its subprotocol; the host's first message gives the key that reads blobs.
 * @param token the access token; null for a host that runs without one. */
export function createWebSocketClient(url: string, token: string | null): WorkbenchClient {
  let socket: WebSocket | null = null;
  let blobKey: string | null = null;
  let opened: Promise<WebSocket> | null = null;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = token === null ? new WebSocket(url) : new WebSocket(url, [`${TOKEN_PROTOCOL_PREFIX}${token}`]);
      ws.onmessage = (message) => {
        let data: WireResponse | WireEvent | WireHello;
        try {
          data = JSON.parse(String(message.data)) as WireResponse | WireEvent | WireHello;
        } catch {
          return;
        }
        // The host says hello before anything else: requests wait for it, so every frame the page shows
        // afterwards can build its blob URL.
        if ('hello' in data) {
          blobKey = data.hello.blobKey;
          socket = ws;
          retryMs = 250;
          resolve(ws);
          return;
        }
        if ('event' in data) {
          for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
          return;
        }
        const call = pending.get(data.id);
        if (!call) return;
        pending.delete(data.id);
        if (data.error) call.reject(new Error(data.error.message));
        else call.resolve(data.result);
      };
      ws.onclose = () => {
        const wasOpen = socket === ws;
        socket = null;
        opened = null;
        for (const call of pending.values()) call.reject(new Error('The connection to the workbench closed.'));
        pending.clear();
        if (!wasOpen) void whyUnreachable(url, token).then((reason) => reject(new Error(reason)));
        // Keep listening for events: reconnect in the background when anyone subscribes.
        if (listeners.size > 0) setTimeout(() => void connect().catch(() => undefined), (retryMs = Math.min(retryMs * 2, 5000)));
      };
    });
    return opened;
  };

  const call = async (method: string, params: unknown[]): Promise<unknown> => {
    const ws = socket ?? (await connect());
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params: withoutTrailingUndefined(params) }));
    });
  };

  const api = new Proxy({} as WorkbenchApi, {
    // 'then' stays undefined so the client is never mistaken for a promise.
    get: (_target, method: string) => (method === 'then' ? undefined : (...params: unknown[]) => call(method, params)),
  });
  return Object.assign(Object.create(api) as WorkbenchClient, {
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    blobUrl: (hash: string) => (blobKey === null ? `./blobs/${hash}` : `./blobs/${hash}?k=${blobKey}`),
  });
}

/** A refused upgrade looks like any closed socket to the page. The app shell needs no token, so when the page
 * itself still loads the host is up and refused this tab's token: none was given, or the host was restarted and
 * has a new one. */
async function whyUnreachable(url: string, token: string | null): Promise<string> {
  try {
    const response = await fetch(new URL('./', location.href), { method: 'HEAD', cache: 'no-store' });
    if (response.ok && token === null) {
      return 'This tab has no access token for the workbench: open the URL it printed in its terminal (…/?token=…).';
    }
    if (response.ok) {
      return 'The workbench refused this tab’s token: it was restarted and has a new access token: open the URL it printed in its terminal (…/?token=…).';
    }
  } catch {
    // Not reachable at all: the generic message below.
  }
  return `Cannot reach the workbench at ${url}.`;
}

/** The call's arguments as the wire carries them. JSON writes an `undefined` in an array as `null`, which the
 * host's schemas reject for an optional argument (`savePrompt(name, text, undefined)` failed in web mode while
 * Electron's IPC kept the `undefined`); every optional argument of the API is a trailing one, so leaving the
 * trailing `undefined`s out sends what was meant. */
export function withoutTrailingUndefined(params: readonly unknown[]): unknown[] {
  let end = params.length;
  while (end > 0 && params[end - 1] === undefined) end--;
  return params.slice(0, end);
}
