import { describe, expect, it } from 'vitest';
import { InfrastructureFailure, infraFailureOf, isPageGone, llmStopReason } from '../../../main/agent/infra-failure';
import { PolicyError } from '../../../main/agent/policy';
import { LlmError } from '../../../main/llm/errors';
import { StorageError } from '../../../main/store/storage-error';

// Issue 14 "Honest outcomes under faults": which failures are the infrastructure's (status 'error', retried,
// resumed, never in a success rate) and which are the agent's.
describe('infrastructure failure classification', () => {
  it('maps LLM error kinds to their stop reasons, and leaves the agent-side kinds alone', () => {
    expect(llmStopReason(new LlmError('server', 'gemini: HTTP 503 server error'))).toBe('llm_unavailable');
    expect(llmStopReason(new LlmError('server', 'gemini: could not reach http://127.0.0.1:9: ECONNREFUSED'))).toBe('llm_unavailable');
    expect(llmStopReason(new LlmError('timeout', 'gemini: no reply within 400 ms'))).toBe('llm_unavailable');
    expect(llmStopReason(new LlmError('rate_limited', 'gemini: HTTP 429 rate limited'))).toBe('llm_rate_limited');
    expect(llmStopReason(new LlmError('auth', 'gemini: HTTP 401 refused the credentials'))).toBe('llm_auth');
    // Our own bad request, the model's unusable reply and the episode's own cancel are not infrastructure.
    expect(llmStopReason(new LlmError('bad_request', 'gemini: HTTP 400'))).toBeNull();
    expect(llmStopReason(new LlmError('unparseable', 'not JSON'))).toBeNull();
    expect(llmStopReason(new LlmError('cancelled', 'cancelled'))).toBeNull();
    expect(llmStopReason(new Error('HTTP 503'))).toBeNull();
  });

  it('finds the failure behind wrappers (a subgoal generator that wrapped the LLM error)', () => {
    const wrapped = new Error('SGO could not generate subgoals', { cause: new Error('generation failed', { cause: new LlmError('auth', 'HTTP 403') }) });
    const found = infraFailureOf(wrapped);
    expect(found?.stopReason).toBe('llm_auth');
    expect(found?.message).toBe('The LLM provider failed: HTTP 403');
    const own = new InfrastructureFailure('checkpoint_invalid', 'The checkpoint could not be loaded: the file is not JSON.');
    expect(infraFailureOf(own)).toBe(own);
  });

  it('classifies storage failures: the store\'s own errors and SQLite codes that mean the disk or file', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const blob = new StorageError(`Could not write to /data/blobs: ${enospc.message}`, { cause: enospc });
    expect(blob.code).toBe('ENOSPC');
    expect(infraFailureOf(blob)).toMatchObject({ stopReason: 'storage_error', message: 'Storage failed: Could not write to /data/blobs: ENOSPC: no space left on device, write' });
    expect(infraFailureOf(Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' }))?.stopReason).toBe('storage_error');
    expect(infraFailureOf(Object.assign(new Error('SQLITE_CONSTRAINT: UNIQUE'), { code: 'SQLITE_CONSTRAINT' }))).toBeNull();
  });

  it('a database another process kept locked is a storage failure that says what to look for, not "the browser failed"', () => {
    const busy = Object.assign(new Error('SQLITE_BUSY: database is locked (in: INSERT INTO steps …)'), { code: 'SQLITE_BUSY' });
    expect(infraFailureOf(busy)).toMatchObject({
      stopReason: 'storage_error',
      message: 'Storage failed: another process (a second CLI, the workbench server, a sqlite3 shell) kept the database locked for 30 s; end it, then resume the run (SQLITE_BUSY: database is locked (in: INSERT INTO steps …))',
    });
    expect(infraFailureOf(Object.assign(new Error('SQLITE_LOCKED: database table is locked'), { code: 'SQLITE_LOCKED' }))?.stopReason).toBe('storage_error');
  });

  it('leaves agent failures and plain browser errors unclassified', () => {
    expect(infraFailureOf(new PolicyError('The oracle\'s target is missing.'))).toBeNull();
    expect(infraFailureOf(new Error('page.goto: net::ERR_CONNECTION_REFUSED'))).toBeNull();
    expect(infraFailureOf(null)).toBeNull();
  });

  it('recognises Playwright\'s words for a page that closed under a call', () => {
    expect(isPageGone(new Error('page.textContent: Target page, context or browser has been closed'))).toBe(true);
    expect(isPageGone(new Error('locator.click: Browser has been closed.'))).toBe(true);
    expect(isPageGone(new Error('page.evaluate: ReferenceError: foo is not defined'))).toBe(false);
  });
});
