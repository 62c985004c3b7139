import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import type { LlmRequest, LlmResponse } from '../../main/llm/types';
import { openStore } from '../../main/store';
import { openTestCore } from '../helpers/use-core';

// Closing the workbench while a finished run's failure analysis is still being written (its LLM summary is
// pending) waits for it (runs/pending-analyses.ts) instead of closing the store under it, which lost the
// analysis with "SQLITE_MISUSE: Database handle is closed" on stderr. Real Chromium (shared) and SQLite.
let dataDir = '';
afterEach(async () => {
  vi.restoreAllMocks();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('close waits for the analysis in flight, which is stored with its summary', { timeout: 180_000 }, async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mira-close-analysis-'));
  let asked!: () => void;
  const summaryAsked = new Promise<void>((resolve) => (asked = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const model = {
    async generate(request: LlmRequest): Promise<LlmResponse> {
      asked();
      await released;
      return { text: 'It stopped on the wrong page.', usage: { inputTokens: 1, outputTokens: 1, thinkingTokens: 0 }, latencyMs: 0, attempts: 1, cached: false, model: request.model, provider: 'test' };
    },
  };
  const errors = vi.spyOn(console, 'error');
  const core = await openTestCore({ dataDir, sandbox: { instancesPerFamily: 1 }, summarizer: { model, modelName: 'test-summarizer' } });
  const task = core.catalog!.all().find((i) => i.family === 'shop/add-to-cart')!;
  const { runId, done } = await core.run({ taskIds: [task.id], policy: 'wrong', seed: 5 });
  await summaryAsked;

  // The summary comes back only once close() has shut the sandbox down: from there on close used to go
  // straight to closing the store.
  const closeSandbox = core.sandbox!.close.bind(core.sandbox);
  core.sandbox!.close = async () => {
    await closeSandbox();
    release();
  };
  await core.close();
  await done;

  expect(errors.mock.calls.flat().join('\n')).not.toMatch(/Analysis of run/);
  const store = await openStore(dataDir, { readOnly: true });
  try {
    const [episode] = await store.episodes.list({ runId });
    expect(episode.success).toBe(false);
    expect(episode.analysis).toMatchObject({ category: 'wrong_termination', summary: 'It stopped on the wrong page.' });
  } finally {
    await store.close();
  }
});

it('an analysis close gave up on is made when the run report is asked for', { timeout: 180_000 }, async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mira-close-analysis-'));
  let asked!: () => void;
  const summaryAsked = new Promise<void>((resolve) => (asked = resolve));
  let fail!: (err: Error) => void;
  const hung = new Promise<never>((_resolve, reject) => (fail = reject));
  const model = {
    async generate(): Promise<LlmResponse> {
      asked();
      return hung;
    },
  };
  const errors = vi.spyOn(console, 'error');
  const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const core = await openTestCore({ dataDir, sandbox: { instancesPerFamily: 1 }, summarizer: { model, modelName: 'test-summarizer' } });
  const task = core.catalog!.all().find((i) => i.family === 'shop/add-to-cart')!;
  const { runId, done } = await core.run({ taskIds: [task.id], policy: 'wrong', seed: 5 });
  await summaryAsked;
  await core.close(); // waits out the grace (runs/pending-analyses.ts), then closes the store
  fail(new Error('the summarizer gave up'));
  await done;
  expect(warnings.mock.calls.flat().join('\n')).toContain(`failure analysis of run ${runId} was stored`);
  expect(errors.mock.calls.flat().join('\n')).not.toMatch(/Analysis of run/);

  const reopened = await openTestCore({ dataDir, sandbox: false });
  try {
    const [cut] = await reopened.api.listEpisodes({ runId });
    expect((await reopened.api.getEpisode(cut.id)).episode.analysis).toBeNull();
    const report = await reopened.api.getRunReport(runId);
    expect(report.failureModes?.counts.wrong_termination).toBe(1);
    expect((await reopened.api.getEpisode(cut.id)).episode.analysis).toMatchObject({ category: 'wrong_termination' });
  } finally {
    await reopened.close();
  }
});
