import { z } from 'zod';
import type { ApiMethod } from './contract';
import { SECRET_NAMES } from './settings';

// Argument schemas for every API method. Both transports (the web host's WebSocket and Electron's IPC)
// validate with these before the core sees a call: the renderer is never trusted with shapes.
const id = z.string().min(1).max(200);
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-character hex blob hash');

const nullableText = z.string().max(2000).nullable();
const settingsPatch = z
  .object({
    provider: z.enum(['gemini', 'openai-compatible', 'none']),
    gemini: z.object({
      model: z.string().min(1).max(200),
      baseUrl: nullableText,
      thinkingBudget: z.union([z.number().int().min(0).max(65_536), z.literal('dynamic'), z.literal('off')]),
    }).partial().strict(),
    openaiCompatible: z.object({ baseUrl: nullableText, model: nullableText }).partial().strict(),
    browserPath: nullableText,
    siteProfile: z.record(z.enum(['SHOPPING', 'SHOPPING_ADMIN', 'REDDIT', 'GITLAB', 'MAP', 'WIKIPEDIA', 'HOMEPAGE']), z.string().max(2000)),
    miniwobDir: nullableText,
    trainerBackend: z.enum(['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']),
  })
  .partial()
  .strict();

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
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatch]),
  setSecret: z.tuple([z.enum(SECRET_NAMES), z.string().min(1).max(4096)]),
  clearSecret: z.tuple([z.enum(SECRET_NAMES)]),
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
