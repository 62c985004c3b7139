import { afterEach, expect, it, vi } from 'vitest';
import { PendingAnalyses } from '../../../main/runs/pending-analyses';

// close() waits a bounded time for failure analyses in flight, then gives up on the rest in one line; an
// analysis that fails after that (the store is closed under it) stays silent instead of a misleading error.
afterEach(() => vi.restoreAllMocks());

function gate() {
  let open!: (err?: Error) => void;
  const opened = new Promise<void>((resolve, reject) => (open = (err) => (err ? reject(err) : resolve())));
  return { opened, open };
}

it('settle waits for analyses that finish and reports none left', async () => {
  const pending = new PendingAnalyses();
  const analysis = gate();
  const tracked = pending.track('run-a', () => analysis.opened);
  const settled = pending.settle(60_000);
  analysis.open();
  await tracked;
  expect(await settled).toEqual([]);
});

it('settle gives up on a hung analysis in one line, and its later failure stays silent', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const pending = new PendingAnalyses();
  const hung = gate();
  const tracked = pending.track('run-b', () => hung.opened);
  expect(await pending.settle(0)).toEqual(['run-b']);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0][0])).toMatch(/failure analysis of run run-b was stored; .*analyze <run>/);

  hung.open(new Error('SQLITE_MISUSE: Database handle is closed'));
  await tracked;
  expect(error).not.toHaveBeenCalled();
});

it('reports an analysis that fails before close on stderr, unless it is an expected refusal', async () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const pending = new PendingAnalyses();
  const quiet = (err: Error) => /no scored episodes/.test(err.message);
  await pending.track('run-c', () => Promise.reject(new Error('Run run-c has no scored episodes yet.')), quiet);
  expect(error).not.toHaveBeenCalled();
  await pending.track('run-d', () => Promise.reject(new Error('disk full')), quiet);
  expect(error).toHaveBeenCalledWith('Analysis of run run-d failed: disk full');
});
