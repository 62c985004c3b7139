import { z } from 'zod';
import type { ApiMethod } from './contract';

// Argument schemas for every API method. Both transports (the web host's WebSocket and Electron's IPC)
// validate with these before the core sees a call: the renderer is never trusted with shapes.
const id = z.string().min(1).max(200);
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-character hex blob hash');

const PARAM_SCHEMAS: { [M in ApiMethod]: z.ZodType<unknown[]> } = {
  info: z.tuple([]),
  listTasks: z.tuple([]),
  listRuns: z.tuple([]),
  listEpisodes: z.tuple([
    z.object({ runId: id.optional(), taskId: id.optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  ]),
  getEpisode: z.tuple([id]),
  getBlobText: z.tuple([hash]),
  getRunReport: z.tuple([id]),
  startRun: z.tuple([
    z.object({
      taskIds: z.array(id).min(1).max(10_000),
      policy: z.string().min(1).max(100),
      seed: z.number().int().optional(),
      concurrency: z.number().int().min(1).max(16).optional(),
    }).strict(),
  ]),
};

/** Returns the parsed parameters, or throws an Error that says which argument is wrong and why. */
export function validateRequest(method: string, params: unknown): unknown[] {
  if (!Object.prototype.hasOwnProperty.call(PARAM_SCHEMAS, method)) throw new Error(`Unknown API method "${method}".`);
  if (!Array.isArray(params)) throw new Error(`${method}: parameters must be an array.`);
  const result = PARAM_SCHEMAS[method as ApiMethod].safeParse(params);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.length ? `argument ${i.path.join('.')}` : 'arguments'}: ${i.message}`);
    throw new Error(`${method}: ${issues.join('; ')}`);
  }
  return result.data;
}
