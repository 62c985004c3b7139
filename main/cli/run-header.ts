// The head of `analyze`: what the run was, one labelled line per setting, instead of its stored config as raw
// JSON (the first-hour audit of 2026-12-05: a person reads "policy", "tasks" and "stop rules", not a JSON
// object). `analyze --json` still gives the config as stored.
import { parseRunConfig, type StoredRunConfig } from '../api/run-config';
import type { RunSummary } from '../api/contract';
import type { RunRecord } from '../api/types';

/** What the header needs besides the run: its tasks' families (null: a task no longer stored) and when its
 * last episode finished (null: none has). */
export interface RunHeaderFacts {
  familyOf: (taskId: string) => string | null;
  lastFinishedAt: string | null;
  /** The model the Runs table names (asked for, else the one its LLM calls used). */
  model: RunSummary['model'];
}

const STATUS_TEXT: Record<RunRecord['status'], string> = {
  running: 'running',
  finished: 'finished',
  interrupted: 'interrupted (cancelled, or its process stopped, before all its tasks had run; `resume` runs the rest)',
  error: 'ended with infrastructure failures (`resume` runs the tasks without a finished episode)',
};

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const label = (name: string, value: string) => `  ${`${name}:`.padEnd(13)}${value}`;

export function runHeaderLines(run: RunRecord, facts: RunHeaderFacts): string[] {
  let config: StoredRunConfig;
  try {
    config = parseRunConfig(run);
  } catch (err) {
    // A config this workbench cannot read is shown as stored, with why.
    return [`Run ${run.id}`, label('status', STATUS_TEXT[run.status]), label('config', `${(err as Error).message} Stored: ${JSON.stringify(run.config)}`)];
  }
  const lines = [`Run ${run.id}`, label('status', STATUS_TEXT[run.status])];
  if (config.training) {
    const t = config.training;
    lines.push(label('training', `job ${t.jobId.slice(0, 8)}, variant ${t.variant}, ${config.phase === undefined ? '' : `phase ${config.phase}, `}${t.stage} episodes`));
  }
  lines.push(label('policy', policyText(config)));
  if (facts.model) lines.push(label('model', facts.model));
  // Judged checks are comparable only between runs with the same judge (docs/design/WEBARENA.md §2.2).
  if (config.judge) lines.push(label('judge', `${config.judge.provider} ${config.judge.model}${config.judge.baseUrl ? ` at ${config.judge.baseUrl}` : ''} (scores fuzzy_match checks)`));
  lines.push(label('tasks', tasksText(config.taskIds, facts.familyOf)));
  lines.push(label('seeds', seedsText(config)));
  if (config.stopRules) lines.push(label('stop rules', stopRulesText(config.stopRules)));
  if (config.scheduler?.concurrency) lines.push(label('concurrency', `${plural(config.scheduler.concurrency, 'episode')} at a time`));
  lines.push(label('started', run.createdAt));
  lines.push(label('finished', run.status === 'running' ? '— (still running)' : finishedText(run.createdAt, facts.lastFinishedAt)));
  return lines;
}

/** When its last episode finished, and how long after the start. */
function finishedText(startedAt: string, lastFinishedAt: string | null): string {
  if (!lastFinishedAt) return '— (no episode finished)';
  const seconds = (Date.parse(lastFinishedAt) - Date.parse(startedAt)) / 1000;
  if (!Number.isFinite(seconds) || seconds < 0) return lastFinishedAt;
  const took = seconds < 120 ? `${seconds.toFixed(1)} s` : seconds < 7200 ? `${(seconds / 60).toFixed(1)} min` : `${(seconds / 3600).toFixed(1)} h`;
  return `${lastFinishedAt} (${took} after the start)`;
}

export function policyText(config: StoredRunConfig): string {
  const extras: string[] = [];
  if (config.llm?.provider) extras.push(config.llm.provider);
  if (config.llm?.thinkingBudget !== undefined) extras.push(`thinking ${config.llm.thinkingBudget}`);
  if (config.checkpoint) extras.push(`checkpoint ${config.checkpoint}`);
  if (config.promptVersion !== undefined) extras.push(`prompt v${config.promptVersion}`);
  if (config.grammar) extras.push(`${config.grammar} actions`);
  if (config.observationFormat) extras.push(`${config.observationFormat} observations`);
  if (config.fork) extras.push(`forked from episode ${config.fork.episodeId.slice(0, 8)} at step ${config.fork.step + 1}`);
  return extras.length ? `${config.policy} (${extras.join(', ')})` : config.policy;
}

/** "12 tasks in 3 families: shop/a (5), shop/b (4), forum/c (3)"; tasks without a family are named. */
export function tasksText(taskIds: readonly string[], familyOf: (taskId: string) => string | null): string {
  const families = new Map<string, number>();
  const loose: string[] = [];
  for (const id of taskIds) {
    const family = familyOf(id);
    if (family) families.set(family, (families.get(family) ?? 0) + 1);
    else loose.push(id);
  }
  const parts = [...families].map(([family, n]) => `${family} (${n})`);
  const shownLoose = loose.slice(0, 5);
  if (shownLoose.length) parts.push(shownLoose.join(', ') + (loose.length > shownLoose.length ? ` and ${loose.length - shownLoose.length} more` : ''));
  const where = families.size ? ` in ${plural(families.size, 'family', 'families')}` : '';
  return `${plural(taskIds.length, 'task')}${where}: ${parts.join(', ')}`;
}

/** The seeds the run planned (runs/run-tasks.ts plannedPairs). */
function seedsText(config: StoredRunConfig): string {
  const seed = config.seed ?? 0;
  const n = config.seedsPerTask;
  if (n && n > 1) return `${n} per task: ${seed}–${seed + n - 1}`;
  if (n === 1) return `${seed} for every task`;
  const last = seed + config.taskIds.length - 1;
  return last === seed ? String(seed) : `one per task, ${seed}–${last} (seed + the task's position)`;
}

function stopRulesText(rules: NonNullable<StoredRunConfig['stopRules']>): string {
  const text = `at most ${plural(rules.maxSteps, 'step')}; stop after ${plural(rules.maxParseFailures, 'unparsable reply', 'unparsable replies')} in a row or ${plural(rules.maxRepeatedActions, 'repeated action')}`;
  return rules.reference ? `${text} (${rules.reference})` : text;
}

/** One `list runs` line after the id, status and start: the policy, how many tasks and episodes, how many
 * scored and solved, and whose run it is ("own", or the training job's unit that ran it). Tab-separated. */
export function runListColumns(run: RunSummary): string[] {
  let config: StoredRunConfig;
  try {
    config = parseRunConfig(run);
  } catch (err) {
    return [`(config unreadable: ${(err as Error).message})`];
  }
  const t = config.training;
  const owner = t ? `training ${t.jobId.slice(0, 8)} ${t.variant}${config.phase === undefined ? '' : ` phase ${config.phase}`} ${t.stage}` : 'own';
  return [policyText(config), plural(config.taskIds.length, 'task'), `${run.solved}/${run.scored} solved of ${plural(run.episodes, 'episode')}`, owner];
}
