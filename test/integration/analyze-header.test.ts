import { expect, it, vi } from 'vitest';
import { parseArgs } from '../../main/cli/args';
import { analyzeCommand } from '../../main/cli/analyze-command';
import { useCore } from '../helpers/use-core';

// The first-hour audit of 2026-12-05: `analyze` opened with the run's stored config as one line of raw JSON.
// It now names what the run was, one labelled line per setting; `--json` gives the config as stored, with the
// report. Hand-built records, no browser.
const core = useCore({ sandbox: false });

/** What `analyze` prints, with its exit code, or the error it stops with. */
async function analyzeOutput(argv: string[]): Promise<{ code: number | Error; lines: string[] }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    return { code: await analyzeCommand(parseArgs(argv), core).catch((err: Error) => err), lines };
  } finally {
    spy.mockRestore();
  }
}

async function analyze(argv: string[]): Promise<string[]> {
  const { code, lines } = await analyzeOutput(argv);
  expect(code).toBe(0);
  return lines;
}

const task = (id: string, family: string | null) =>
  core.store.tasks.upsert({ id, source: 'sandbox', sites: ['shopping'], intent: `Do ${id}`, startUrl: 'http://sandbox.test/shop', config: {}, split: null, family });

it('heads the report with labelled lines for the run, and keeps the stored config behind --json', { timeout: 120_000 }, async () => {
  await task('hand/a-1', 'shop/add-to-cart');
  await task('hand/a-2', 'shop/add-to-cart');
  await task('hand/b-1', 'forum/subscribe');
  const config = {
    policy: 'sgo', taskIds: ['hand/a-1', 'hand/a-2', 'hand/b-1'], seed: 5, seedsPerTask: 2,
    stopRules: { maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 3, reference: 'webarena' },
    llm: { provider: 'gemini', model: 'gemini-2.5-flash', thinkingBudget: 'off' },
    scheduler: { concurrency: 2, episodeTimeoutMs: 600_000, infraRetries: 2 },
  };
  await core.store.runs.create({ id: 'run-head', kind: 'eval', config, status: 'finished', createdAt: '2026-01-01T10:00:00.000Z' });
  await core.store.episodes.create({ id: 'ep-1', runId: 'run-head', taskId: 'hand/a-1', policy: 'sgo', seed: 5, createdAt: '2026-01-01T10:00:01.000Z' });
  await core.store.episodes.finish('ep-1', { status: 'finished', success: true, score: 1, answer: null, stopReason: 'agent_stop', outcome: '', evaluation: null });
  const finishedAt = (await core.store.episodes.get('ep-1'))!.finishedAt;

  const lines = await analyze(['analyze', 'run-head']);
  expect(lines.slice(0, 9)).toEqual([
    'Run run-head',
    '  status:      finished',
    '  policy:      sgo (gemini, thinking off)',
    '  model:       gemini-2.5-flash',
    '  tasks:       3 tasks in 2 families: shop/add-to-cart (2), forum/subscribe (1)',
    '  seeds:       2 per task: 5–6',
    '  stop rules:  at most 30 steps; stop after 3 unparsable replies in a row or 3 repeated actions (webarena)',
    '  concurrency: 2 episodes at a time',
    '  started:     2026-01-01T10:00:00.000Z',
  ]);
  expect(lines[9]).toMatch(new RegExp(`^  finished:    ${finishedAt!.replace(/[.]/g, '\\.')} \\(\\d+\\.\\d h after the start\\)$`));
  expect(lines.join('\n')).not.toContain('{');

  const json = JSON.parse((await analyze(['analyze', 'run-head', '--json'])).join('\n'));
  expect(json.run.config).toEqual(config);
  expect(json.report.success.overall).toEqual({ total: 1, successes: 1, rate: 1 });
});

it('names the training job, variant, phase and stage of a training run, and a task no longer stored', { timeout: 120_000 }, async () => {
  await core.store.runs.create({
    id: 'run-rollout', kind: 'rollout', status: 'interrupted', createdAt: '2026-01-02T00:00:00.000Z',
    config: { policy: 'local', taskIds: ['hand/gone'], seed: 3, phase: 2, training: { jobId: '4e0234f4-aaaa-bbbb-cccc-ddddeeeeffff', variant: 'kl', seed: 1, stage: 'evaluation' } },
  });
  // Nothing scored yet: the report is refused, after the header says what the run was.
  const { code, lines } = await analyzeOutput(['analyze', 'run-rollout']);
  expect(code).toBeInstanceOf(Error);
  expect((code as Error).message).toBe('Run run-rollout has no scored episodes yet.');
  expect(lines.slice(0, 6)).toEqual([
    'Run run-rollout',
    '  status:      interrupted (cancelled, or its process stopped, before all its tasks had run; `resume` runs the rest)',
    '  training:    job 4e0234f4, variant kl, phase 2, evaluation episodes',
    '  policy:      local',
    '  tasks:       1 task: hand/gone',
    '  seeds:       3',
  ]);
  expect(lines).toContain('  finished:    — (no episode finished)');

  // --json still gives the run as stored, and says why there is no report.
  const json = await analyzeOutput(['analyze', 'run-rollout', '--json']);
  expect(json.code).toBe(1);
  const parsed = JSON.parse(json.lines.join('\n'));
  expect(parsed.run.config.training.jobId).toBe('4e0234f4-aaaa-bbbb-cccc-ddddeeeeffff');
  expect(parsed).toMatchObject({ report: null, reportError: 'Run run-rollout has no scored episodes yet.' });
});
