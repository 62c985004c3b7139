// The provider-neutral LLM contract. The agent, the subgoal generator, the AutoRater and the analyzer speak
// only these types; gemini.ts and openai-compatible.ts translate them to their wire formats.

/** One piece of a message: text, or a JPEG screenshot (base64, no data: prefix). */
export type LlmPart = { text: string } | { imageJpegBase64: string };

export interface LlmMessage {
  /** 'model' is the assistant side (Gemini's name for it). */
  role: 'user' | 'model';
  parts: LlmPart[];
}

/** Gemini's thinking budget: a token count, 'dynamic' (the model decides; -1 on the wire) or 'off' (0).
 * docs/design/MIRA.md §3.3: 256 ≈ 24% SR, 8192 ≈ 32.5%, dynamic ≈ 32.1%, so this is a per-call setting. */
export type ThinkingBudget = number | 'dynamic' | 'off';

/** A JSON-schema-like object (type/properties/required/items/enum…), as Gemini's responseSchema accepts. */
export type JsonSchema = Record<string, unknown>;

/** What a call is for; accounting is kept per purpose. Open-ended so new callers need no change here. */
export type LlmPurpose = 'policy' | 'subgoals' | 'autorater' | 'analyzer' | 'fuzzy_match' | (string & {});

export interface LlmRequest {
  model: string;
  system?: string;
  messages: LlmMessage[];
  temperature?: number;
  maxOutputTokens?: number;
  thinkingBudget?: ThinkingBudget;
  /** Ask for a JSON reply shaped by this schema; the client parses it into LlmResponse.json. */
  json?: { schema: JsonSchema; name?: string };
  /** The caller's own check of a reply (e.g. "K non-empty strings"): a reply it refuses (returns false) is
   * still returned, but never cached, and a cached reply it refuses is asked again. Not part of the key. */
  acceptReply?: (reply: { text: string; json?: unknown }) => boolean;
  /** For sampled calls (temperature unset or > 0): which draw this is, e.g. `${episodeId}/${t}`. Part of the
   * cache key, so one episode's sample is never served to another seed or episode; a sampled call without a
   * draw bypasses the cache (main/llm/cache.ts). */
  draw?: string;
  /** Per-attempt time limit; a retry gets a fresh one. */
  timeoutMs?: number;
  signal?: AbortSignal;
  purpose: LlmPurpose;
}

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
  thinkingTokens: number;
}

/** One try at a call, as the retry layer saw it; the run records these ("429 then success"). */
export interface AttemptRecord {
  /** 1-based. */
  attempt: number;
  ok: boolean;
  /** HTTP status, when the failure had one. */
  status?: number;
  kind?: LlmErrorKind;
  error?: string;
  /** How long the retry layer waited before the next attempt (absent on the last one). */
  delayMs?: number;
  latencyMs: number;
}

export interface LlmResponse {
  text: string;
  /** The parsed reply, when the request asked for JSON. */
  json?: unknown;
  usage: LlmUsage;
  /** Wall time of the whole call, retries and back-off included (cache read time on a hit). */
  latencyMs: number;
  /** HTTP attempts made; 0 on a cache hit. */
  attempts: number;
  attemptLog?: AttemptRecord[];
  cached: boolean;
  /** The model that answered (the server's version string when it reports one). */
  model: string;
  provider: string;
  /** Why generation stopped, as the provider says it (STOP, MAX_TOKENS, SAFETY, stop, length…). */
  finishReason?: string;
}

export interface LlmProvider {
  /** Stable name; part of the cache key, so two endpoints that can answer differently need two names. */
  readonly name: string;
  /** When set, the cache key uses this instead of name: the endpoint, for a provider whose name does not
   * say where its calls go (Gemini behind a proxy or another base URL). */
  readonly cacheScope?: string;
  /** One attempt: no retries, no cache (the client adds those). Throws LlmError. */
  generate(req: LlmRequest): Promise<LlmResponse>;
  /** Same, delivering text as it arrives. Providers without streaming leave it out. */
  stream?(req: LlmRequest, onText: (delta: string) => void): Promise<LlmResponse>;
}

/** 'incomplete': the provider ended the reply early (a safety block, a blocked prompt, the output token limit);
 * the error carries the finish reason. 'unparseable': the model's reply text is not the JSON asked for. */
export type LlmErrorKind = 'timeout' | 'rate_limited' | 'server' | 'bad_request' | 'auth' | 'cancelled' | 'unparseable' | 'incomplete';
