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
