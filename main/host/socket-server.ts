import type { RawData, WebSocket } from 'ws';
import type { WireEvent, WireHello, WireResponse, WorkbenchApi } from '../api/contract';
import { validateRequest } from '../api/schemas';
import { parseWireRequest } from './wire-request';

/** Bounds that keep one client from starving the others or the process (README "Security"). */
export interface SocketLimits {
  /** Largest frame accepted; a bigger one closes that socket with 1009 (message too big). */
  maxPayloadBytes: number;
  /** Requests one socket may have unanswered at once; more are answered with a "busy" error at once. */
  maxInFlight: number;
  /** A client that lets this much pile up unsent (it stopped reading) is dropped rather than buffered for. */
  maxBufferedBytes: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxPayloadBytes: 4 * 1024 * 1024,
  maxInFlight: 32,
  maxBufferedBytes: 16 * 1024 * 1024,
};

export interface SocketContext {
  api: WorkbenchApi;
  subscribe(listener: (event: WireEvent) => void): () => void;
  limits: SocketLimits;
  log(line: string): void;
  /** Sent first on every connection, before any answer or event: what the page needs beyond the API (the blob
   * read key, host-guard.ts). */
  hello: WireHello;
}

/** One connected front end: JSON requests answered by id, core events pushed as they happen. Whatever the
 * client sends, the worst outcome is an error answer or this socket closing — never the process. */
export function serveSocket(ws: WebSocket, context: SocketContext): void {
  const { limits, log } = context;
  let inFlight = 0;

  // ws reports protocol violations here (oversized frame → closes with 1009, invalid UTF-8 → 1007) and closes
  // the socket itself; without a listener the error would be thrown and take the process down.
  ws.on('error', (err) => log(`WebSocket client dropped: ${err.message}`));

  const send = (text: string): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.maxBufferedBytes) {
      log(`WebSocket client dropped: ${ws.bufferedAmount} bytes unsent (it stopped reading).`);
      ws.terminate();
      return;
    }
    ws.send(text);
  };
  const answer = (response: WireResponse): void => {
    let text: string;
    try {
      text = JSON.stringify(response);
    } catch (err) {
      text = JSON.stringify({ id: response.id, error: { message: `The answer could not be encoded: ${(err as Error).message}` } });
    }
    send(text);
  };

  send(JSON.stringify(context.hello));
  const unsubscribe = context.subscribe((event) => {
    if (ws.readyState === ws.OPEN) send(JSON.stringify(event));
  });
  ws.on('close', unsubscribe);

  const handle = async (data: RawData, isBinary: boolean): Promise<void> => {
    if (ws.readyState !== ws.OPEN) return;
    if (isBinary) {
      answer({ id: -1, error: { message: 'Send requests as text frames (JSON).' } });
      return;
    }
    const frame = parseWireRequest(rawText(data));
    if (!frame.ok) {
      answer({ id: frame.id, error: { message: frame.message } });
      return;
    }
    if (inFlight >= limits.maxInFlight) {
      answer({ id: frame.id, error: { message: `busy: ${limits.maxInFlight} requests are already in flight on this connection; wait for their answers.` } });
      return;
    }
    inFlight++;
    let response: WireResponse;
    try {
      const params = validateRequest(frame.method, frame.params);
      const method = context.api[frame.method] as (...args: unknown[]) => Promise<unknown>;
      response = { id: frame.id, result: await method.apply(context.api, params) };
    } catch (err) {
      response = { id: frame.id, error: { message: err instanceof Error ? err.message : String(err) } };
    } finally {
      inFlight--;
    }
    // The client may have gone while the core worked: nobody to answer.
    if (ws.readyState === ws.OPEN) answer(response);
  };
  ws.on('message', (data, isBinary) => {
    handle(data, isBinary).catch((err: unknown) => log(`WebSocket request failed: ${err instanceof Error ? err.message : String(err)}`));
  });
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
