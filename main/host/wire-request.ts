import type { ApiMethod } from '../api/contract';
import { isApiMethod } from '../api/methods';

/** A frame read as a request: either what to call, or the error to answer with (and the id to answer to,
 * -1 when the frame did not carry a usable one). */
export type ParsedFrame =
  | { ok: true; id: number; method: ApiMethod; params: unknown }
  | { ok: false; id: number; message: string };

/** Reads one WebSocket text frame as `{ id, method, params }`, trusting nothing about its shape: `null`,
 * arrays, numbers and strings are all valid JSON but not requests. Never throws. */
export function parseWireRequest(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, id: -1, message: 'Messages must be JSON: {"id": 1, "method": "info", "params": []}.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: -1, message: 'A request must be a JSON object {"id", "method", "params"}.' };
  }
  const request = value as Record<string, unknown>;
  if (!Number.isSafeInteger(request.id)) return { ok: false, id: -1, message: 'A request needs an integer "id".' };
  const id = request.id as number;
  if (!isApiMethod(request.method)) {
    const name = typeof request.method === 'string' ? `"${request.method.slice(0, 100)}"` : 'missing or not a string';
    return { ok: false, id, message: `Unknown API method (${name}).` };
  }
  return { ok: true, id, method: request.method, params: request.params };
}
