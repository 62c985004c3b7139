import { afterEach, expect, it, vi } from 'vitest';
import { listCommand } from '../../main/cli/list-command';
import { parseArgs } from '../../main/cli/args';
import { useCore } from '../helpers/use-core';

// `list tasks` and `list families` show a person's tasks; instances stored only for a training job (its
// rollouts and test split, issue 17) come with --training, as the Tasks page shows them only when asked.
const core = useCore({ sandbox: { instancesPerFamily: 1 } });
afterEach(() => vi.restoreAllMocks());

async function listed(argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  expect(await listCommand(parseArgs(argv), core)).toBe(0);
  vi.restoreAllMocks();
  return lines;
}

it('leaves training instances out of tasks and families unless asked', async () => {
  const [someTask] = await core.store.tasks.list();
  const trainingOnly = { ...someTask, id: `${someTask.id}-training-only`, family: 'shop/training-only-family' };
  await core.store.tasks.upsert(trainingOnly, { training: true });

  const tasks = await listed(['list', 'tasks']);
  expect(tasks.some((l) => l.startsWith(`${someTask.id}\t`))).toBe(true);
  expect(tasks.some((l) => l.startsWith(`${trainingOnly.id}\t`))).toBe(false);
  expect((await listed(['list', 'tasks', '--training'])).some((l) => l.startsWith(`${trainingOnly.id}\t`))).toBe(true);

  expect((await listed(['list', 'families'])).some((l) => l.startsWith('shop/training-only-family\t'))).toBe(false);
  expect(await listed(['list', 'families', '--training'])).toContain('shop/training-only-family\t1 instance(s)');
});

// The first-hour audit of 2026-12-05: a cancelled training job's "interrupted" rollouts were listed among the
// person's own episodes, unmarked. As on the Episodes page, they are left out unless asked for, and marked.
it('lists a training job\'s episodes only when asked, each marked with its job, variant, phase and stage', async () => {
  const [task] = await core.store.tasks.list();
  await core.store.runs.create({ id: 'run-own', kind: 'eval', config: { policy: 'oracle', taskIds: [task.id] }, status: 'finished', createdAt: '2026-01-01T00:00:00Z' });
  await core.store.runs.create({
    id: 'run-training', kind: 'rollout', status: 'interrupted', createdAt: '2026-01-01T00:01:00Z',
    config: { policy: 'local', taskIds: [task.id], seed: 0, phase: 1, training: { jobId: '9bad7f8e-1111-2222-3333-444455556666', variant: 'full', seed: 1, stage: 'rollout' } },
  });
  await core.store.episodes.create({ id: 'ep-own', runId: 'run-own', taskId: task.id, policy: 'oracle', seed: 0, createdAt: '2026-01-01T00:00:01Z' });
  await core.store.episodes.create({ id: 'ep-rollout', runId: 'run-training', taskId: task.id, policy: 'local', seed: 0, createdAt: '2026-01-01T00:01:01Z' });
  await core.store.episodes.finish('ep-rollout', { status: 'interrupted', success: null, score: null, answer: null, stopReason: null, outcome: '', evaluation: null });

  const notes: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void notes.push(line));
  const own = await listed(['list', 'episodes']);
  expect(own.map((l) => l.split('\t')[0])).toEqual(['ep-own']);
  expect(notes.join('\n')).toContain('--training lists them too');

  const all = await listed(['list', 'episodes', '--training']);
  expect(all).toContain(`ep-rollout\tinterrupted\t-\t0 steps\t${task.id}\ttraining 9bad7f8e full phase 1 rollout`);
  expect(all.find((l) => l.startsWith('ep-own\t'))?.endsWith(`\t${task.id}\t-`)).toBe(true);
  expect((await listed(['list', 'episodes', '--only-training'])).map((l) => l.split('\t')[0])).toEqual(['ep-rollout']);
});

// `list runs` printed each run's stored config as raw JSON; it now says what each ran and whose run it is.
it('lists runs with their policy, tasks, outcome counts and owner, a training job\'s marked', async () => {
  const runs = await listed(['list', 'runs']);
  expect(runs).toContain('run-training\tinterrupted\t2026-01-01T00:01:00Z\tlocal\t1 task\t0/0 solved of 1 episode\ttraining 9bad7f8e full phase 1 rollout');
  expect(runs).toContain('run-own\tfinished\t2026-01-01T00:00:00Z\toracle\t1 task\t0/0 solved of 1 episode\town');
});

it('lists every episode, not only the newest thousand', { timeout: 120_000 }, async () => {
  const [task] = await core.store.tasks.list();
  await core.store.runs.create({ id: 'run-many', kind: 'eval', config: { policy: 'oracle', taskIds: [task.id] }, status: 'finished', createdAt: '2026-02-01T00:00:00Z' });
  const before = (await listed(['list', 'episodes'])).length;
  for (let i = 0; i < 1001; i++) {
    await core.store.episodes.create({ id: `ep-many-${i}`, runId: 'run-many', taskId: task.id, policy: 'oracle', seed: i, createdAt: '2026-02-01T00:00:01Z' });
  }
  expect((await listed(['list', 'episodes'])).length).toBe(before + 1001);
});
