import { runListColumns } from './run-header';
import type { Core } from '../core';
import type { ParsedArgs } from './args';
import type { RunRecord } from '../api/types';
import { parseRunConfig } from '../api/run-config';

export async function listCommand(args: ParsedArgs, core: Core): Promise<number> {
  const what = args.positionals[0] ?? 'tasks';
  // Instances stored only for training jobs (their rollouts and test splits) are listed with --training, as the
  // Tasks page shows them only when asked.
  const includeTraining = args.flags.training === true;
  const onlyTraining = args.flags['only-training'] === true;
  if (onlyTraining && what !== 'episodes') {
    console.error(`--only-training lists episodes (\`list episodes --only-training\`); for ${what}, --training adds the training instances.`);
    return 2;
  }
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
      // What each run ran, readably (`analyze <run>` shows all of it; `analyze --json` the config as stored).
      for (const r of await core.api.listRunSummaries()) console.log([r.id, r.status, r.createdAt, ...runListColumns(r)].join('\t'));
      return 0;
    case 'episodes':
      return listEpisodes(core, onlyTraining ? 'only' : includeTraining ? 'include' : 'exclude');
    default:
      console.error(`Cannot list "${what}": choose tasks, families, runs or episodes.`);
      return 2;
  }
}

/** `list episodes`: the person's own episodes, as the Episodes page lists them. A training job's episodes (its
 * rollouts and test-split evaluations, issue 21) come with --training, each marked in a last column with its
 * job, variant, phase and stage, or alone with --only-training; a cancelled job's "interrupted" rollouts read
 * as the person's own otherwise. */
async function listEpisodes(core: Core, training: 'include' | 'exclude' | 'only'): Promise<number> {
  const runs = new Map((await core.api.listRuns()).map((r) => [r.id, r]));
  const marked = training !== 'exclude';
  // Every match, not the store's default first 1000: a list that silently stops is read as complete.
  for (const e of await core.store.episodes.listSummaries({ training, limit: 1_000_000_000 })) {
    const outcome = e.success === null ? '-' : e.success ? 'success' : 'fail';
    const run = e.runId ? runs.get(e.runId) : undefined;
    const mark = marked ? `\t${run ? trainingMark(run) ?? '-' : '-'}` : '';
    console.log(`${e.id}\t${e.status}\t${outcome}\t${e.stepCount} steps\t${e.taskId}${mark}`);
  }
  if (training === 'exclude' && (await core.store.episodes.listSummaries({ training: 'only', limit: 1 })).length) {
    console.error('Episodes of training jobs (rollouts, test-split evaluations) are left out: --training lists them too, marked; --only-training lists only them.');
  }
  return 0;
}

/** "training 9bad7f8e full phase 1 rollout" for a training job's run; null for a person's run. */
function trainingMark(run: RunRecord): string | null {
  if (run.kind !== 'rollout') return null;
  let training;
  try {
    training = parseRunConfig(run).training;
  } catch {
    training = undefined;
  }
  if (!training) return 'training';
  const phase = typeof run.config.phase === 'number' ? ` phase ${run.config.phase}` : '';
  return `training ${training.jobId.slice(0, 8)} ${training.variant}${phase} ${training.stage}`;
}
