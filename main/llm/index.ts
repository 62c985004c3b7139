// The LLM layer's public surface: what the agent, subgoal generator, AutoRater and analyzer import.
export type { AttemptRecord, JsonSchema, LlmErrorKind, LlmMessage, LlmPart, LlmProvider, LlmPurpose, LlmRequest, LlmResponse, LlmUsage, ThinkingBudget } from './types';
export { LlmError, isRetryable } from './errors';
export { GeminiProvider, type GeminiProviderOptions } from './gemini';
export { OpenAiCompatibleProvider, type OpenAiCompatibleOptions } from './openai-compatible';
export { DEFAULT_RETRY, withRetries, type RetrySettings } from './retry';
export { ResponseCache, cacheKey, type CachedReply } from './cache';
export { Accounting, type AccountingSnapshot, type UsageTotals } from './accounting';
export { DEFAULT_TIMEOUT_MS, LlmClient, parseJsonReply, type CacheMode, type CallOptions, type LlmClientOptions } from './client';
