import type { Core } from '../core';
import type { ParsedArgs } from './args';

export async function listCommand(args: ParsedArgs, core: Core): Promise<number> {
  const what = args.positionals[0] ?? 'tasks';
  // Instances stored only for training jobs (their rollouts and test splits) are listed with --training, as the
  // Tasks page shows them only when asked.
  const includeTraining = args.flags.training === true;
  switch (what) {
    case 'tasks': {
      // A MiniWoB++ folder that was set but is not a checkout is an error here, not a silently shorter list.
      if (core.miniwob.dir && core.miniwob.problem) {
        console.error(core.miniwob.problem);
        return 1;
      }
      // MiniWoB++ tasks stay in the store after the checkout changes; with a checkout open, only its are listed.
      const current = core.miniwob.dir ? new Set(core.miniwob.tasks.map((name) => `miniwob/${name}`)) : null;
      for (const t of await core.store.tasks.list({ includeTraining })) {
        if (current && t.source === 'miniwob' && !current.has(t.id)) continue;
        console.log(`${t.id}\t${t.split ?? '-'}\t${t.intent}`);
      }
      return 0;
    }
    case 'families': {
      const counts = new Map<string, number>();
      for (const t of await core.store.tasks.list({ includeTraining })) if (t.family) counts.set(t.family, (counts.get(t.family) ?? 0) + 1);
      for (const [family, count] of counts) console.log(`${family}\t${count} instance(s)`);
      return 0;
    }
    case 'runs':
      for (const r of await core.api.listRuns()) console.log(`${r.id}\t${r.status}\t${r.createdAt}\t${JSON.stringify(r.config)}`);
      return 0;
    case 'episodes':
      for (const e of await core.api.listEpisodes({})) {
        console.log(`${e.id}\t${e.status}\t${e.success === null ? '-' : e.success ? 'success' : 'fail'}\t${e.stepCount} steps\t${e.taskId}`);
      }
      return 0;
    default:
      console.error(`Cannot list "${what}": choose tasks, families, runs or episodes.`);
      return 2;
  }
}
