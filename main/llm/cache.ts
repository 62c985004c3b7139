// On-disk response cache: re-judging an episode costs nothing and a replay gets the very replies the run got.
// Keyed by what decides the answer (provider and endpoint, model, prompt, sampling, thinking, schema), never by
// how long we were willing to wait or who asked. A sampled call (temperature unset, so the provider's default
// of ~1, or > 0) is one draw from a distribution: serving seed 0's draw to seeds 1..k would make pass@k and
// repeated rollouts measure one sample k times. So a sampled call is keyed by its draw (episode and step:
// a resumed or replayed episode gets its own replies back, another seed or episode asks afresh), and one
// without a draw is not cached at all. Deterministic calls (temperature 0: the AutoRater, the subgoal
// teacher) are shared by everyone, which is what makes re-judging free.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LlmRequest, LlmUsage, ThinkingBudget } from './types';

/** What is stored per entry: the answer, not the call's timing. */
export interface CachedReply {
  text: string;
  json?: unknown;
  usage: LlmUsage;
  model: string;
  provider: string;
  finishReason?: string;
  /** ISO time of the original call, for humans reading the folder. */
  storedAt: string;
}

/** -1 and 'dynamic', 0 and 'off' mean the same to Gemini, so they share an entry. */
function normalThinking(budget: ThinkingBudget | undefined): string | number | null {
  if (budget === undefined) return null;
  if (budget === -1 || budget === 'dynamic') return 'dynamic';
  if (budget === 0 || budget === 'off') return 'off';
  return budget;
}

/** JSON with object keys sorted at every depth, so {a,b} and {b,a} hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** True when the provider samples: no temperature (Gemini and most servers then default to ~1) or one above 0. */
export function isSampled(req: Pick<LlmRequest, 'temperature'>): boolean {
  return req.temperature === undefined || req.temperature > 0;
}

/** Whether a request may use the cache at all: deterministic ones always, sampled ones only with a draw. */
export function isCacheable(req: Pick<LlmRequest, 'temperature' | 'draw'>): boolean {
  return !isSampled(req) || Boolean(req.draw);
}

/** SHA-256 of the normalised request. timeoutMs, signal and purpose are left out on purpose; the draw counts
 * only for sampled calls. v2: v1 entries may hold replies v2 refuses (blocked, truncated, wrong shape). */
export function cacheKey(provider: string, req: LlmRequest): string {
  const normal = {
    v: 2,
    provider,
    draw: isSampled(req) ? (req.draw ?? null) : null,
    model: req.model,
    system: req.system || null,
    messages: req.messages.map((m) => ({ role: m.role, parts: m.parts.map((p) => ('text' in p ? { text: p.text } : { imageJpegBase64: p.imageJpegBase64 })) })),
    temperature: req.temperature ?? null,
    maxOutputTokens: req.maxOutputTokens ?? null,
    thinking: normalThinking(req.thinkingBudget),
    schema: req.json?.schema ?? null,
  };
  return createHash('sha256').update(canonicalJson(normal)).digest('hex');
}

export class ResponseCache {
  constructor(readonly dir: string) {}

  /** Files fan out by the first two hex digits so no folder grows to hundreds of thousands of entries. */
  pathFor(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** undefined on a miss; a damaged entry (interrupted disk, hand edit) also counts as a miss. */
  async get(key: string): Promise<CachedReply | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathFor(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as CachedReply;
      return typeof entry?.text === 'string' && entry.usage ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets an entry (one its caller refused); a missing entry is fine. */
  async remove(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  /** Temp file + rename: a reader sees the old entry or the whole new one, never half of it. */
  async put(key: string, reply: CachedReply): Promise<void> {
    const path = this.pathFor(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify(reply, null, 1), 'utf8');
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}
