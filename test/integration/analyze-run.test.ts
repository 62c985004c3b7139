import { expect, it } from 'vitest';
import { useCore } from '../helpers/use-core';

// Issue 6: every finished run is analysed; failed episodes carry their category, rule, evidence and key
// decision step in the store, and the report is served through the API.
const core = useCore({ sandbox: { instancesPerFamily: 1 } });

it('stores a failure analysis on each failed episode and reports the run', { timeout: 180_000 }, async () => {
  const task = core.catalog!.all().find((i) => i.family === 'shop/add-to-cart')!;
  // The oracle's success is a reference for the wrong policy's failure on the same task.
  await (await core.run({ taskIds: [task.id], policy: 'oracle' })).done;
  const { runId, done } = await core.run({ taskIds: [task.id], policy: 'wrong', seed: 5 });
  const [failed] = await done;

  const stored = (await core.api.getEpisode(failed.id)).episode;
  expect(stored.failureMode).toBe('wrong_termination');
  expect(stored.analysis).toMatchObject({ category: 'wrong_termination', rule: 'stopped_but_failed', references: 1 });
  expect(stored.analysis?.keyDecision?.type).toBe('semantic_deviation');

  const report = await core.api.getRunReport(runId);
  expect(report.success.overall).toEqual({ total: 1, successes: 0, rate: 0 });
  expect(report.failureModes?.counts.wrong_termination).toBe(1);
  expect(report.passAtK).toEqual([{ k: 1, value: 0, tasks: 1 }]);
});
