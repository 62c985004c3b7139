import type { Core } from '../core';
import { flagNumber, flagString, type ParsedArgs } from './args';
import { runOptions } from './run-options';

/** `run`: picks tasks, runs them one by one, prints a progress line per finished episode and a summary.
 * Exit code 0 when the run completed (whatever the success rate), 1 when it could not run. */
export async function runCommand(args: ParsedArgs, core: Core): Promise<number> {
  const policy = flagString(args, 'policy') ?? 'oracle';
  const options = runOptions(args);
  const taskIds = await selectTasks(args, core);
  if (taskIds.length === 0) throw new Error('No task matches; see `list tasks` or `list families`.');
  console.log(`Running ${taskIds.length} episode(s) with policy "${policy}" (data: ${(await core.api.info()).dataDir})`);
  const started = Date.now();
  let finished = 0;
  const unsubscribe = core.events.subscribe((event) => {
    if (event.event !== 'episode') return;
    const e = event.payload as import('../api/types').EpisodeRecord;
    if (e.status === 'running') return;
    finished++;
    const mark = e.success ? '✓' : '✗';
    console.log(
      `[${finished}/${taskIds.length}] ${mark} ${e.taskId} score=${e.score ?? '—'} steps=${e.stepCount} stop=${e.stopReason} episode=${e.id}` +
        (e.success ? '' : `\n      ${e.outcome}`),
    );
  });
  try {
    const { runId, done } = await core.run({ taskIds, policy, seed: flagNumber(args, 'seed', 0), ...options });
    const episodes = await done;
    const successes = episodes.filter((e) => e.success).length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Run ${runId}: ${successes}/${episodes.length} succeeded (${((100 * successes) / episodes.length).toFixed(1)}%) in ${seconds}s`);
    return 0;
  } finally {
    unsubscribe();
  }
}

async function selectTasks(args: ParsedArgs, core: Core): Promise<string[]> {
  const explicit = flagString(args, 'tasks');
  if (explicit) return explicit.split(',').map((s) => s.trim()).filter(Boolean);
  const family = flagString(args, 'family');
  const split = flagString(args, 'split');
  const tasks = await core.api.listTasks();
  return tasks
    .filter((t) => (family ? t.family === family : args.flags.all === true || t.source === 'sandbox'))
    .filter((t) => !split || t.split === split)
    .map((t) => t.id);
}
