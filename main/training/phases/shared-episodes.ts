// Episodes shared between the units of a job that would run the very same ones (issue 17: the default study's
// cost). Every variant of one trainer seed starts from the same policy initialisation and the same
// demonstrations, so their SFT checkpoints are the same weights; greedy test episodes of the same weights on
// the same tasks are the same episodes, and so are sampled rollouts of the same weights with the same
// per-episode seeds (a seed's phase-1 rollouts, before the variants' updates part their weights). A phase
// whose update left the weights as they were (nothing kept by the filter) evaluates them again the same way.
// So each is run once per distinct checkpoint and read back by the others. The key is a hash of what decides
// the episodes (weights, select vocabulary, the tasks and their seeds), never the variant's name or the phase,
// so checkpoints that differ in any bit run their own episodes.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SelectVocab } from '../model/candidates';
import type { PolicyModel } from '../model/policy-model';

/** What is shared: a test evaluation's outcomes, or a batch of rollouts with the run that stores them. */
export type SharedKind = 'evaluation' | 'rollouts';

/** The hash naming a batch of episodes of this checkpoint: its weights, its vocabulary and `episodes` (the
 * task ids, with each episode's seed where the episodes sample). */
export function episodesKey(kind: SharedKind, policy: PolicyModel, vocab: SelectVocab, episodes: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(kind);
  hash.update(JSON.stringify(policy.config));
  hash.update(JSON.stringify(policy.params.toJSON()));
  hash.update(JSON.stringify(vocab));
  hash.update(episodes.join('\n'));
  return hash.digest('hex').slice(0, 32);
}

function fileOf(dir: string, kind: SharedKind, key: string): string {
  return join(dir, `shared-${kind}-${key}.json`);
}

/** What another unit (or this one, an earlier phase) recorded under this key, or null when nothing was (or the
 * file is unreadable: the caller then runs the episodes, which is always correct). */
export async function loadShared<T>(dir: string, kind: SharedKind, key: string, isValid: (value: unknown) => value is T): Promise<T | null> {
  const file = fileOf(dir, kind, key);
  if (!existsSync(file)) return null;
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps finished episodes' results for the job's other units; written whole (temp file + rename), so a reader
 * never sees half of it. */
export async function saveShared(dir: string, kind: SharedKind, key: string, value: unknown): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = fileOf(dir, kind, key);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify(value));
  await rename(temp, file);
}

/** Says what was reused, and completes the stage's progress as a fresh run would report it. */
export interface SharedReport {
  log(line: string): void;
  progress(done: number, total: number): void;
}

/** The value recorded under `key` when there is a complete one (told to `report`, with the stage's progress
 * completed as a fresh run would report it), else `runNow`'s, kept for the units after this one unless the
 * run was cancelled or came out incomplete. */
async function readOrRun<T>(
  dir: string, kind: SharedKind, key: string, isComplete: (value: unknown) => value is T, count: (value: T) => number,
  reusedLine: (count: number) => string, runNow: () => Promise<T>, report: SharedReport, shouldStop: () => boolean,
): Promise<T> {
  const shared = await loadShared(dir, kind, key, isComplete);
  if (shared) {
    report.log(reusedLine(count(shared)));
    report.progress(count(shared), count(shared));
    return shared;
  }
  const fresh = await runNow();
  if (!shouldStop() && isComplete(fresh)) await saveShared(dir, kind, key, fresh);
  return fresh;
}

/** A test evaluation of this checkpoint: the one recorded under `key` when there is one, else `evaluateNow`'s,
 * kept for the units (and phases) after this one. */
export function sharedEvaluation<T>(dir: string, key: string, phase: number, evaluateNow: () => Promise<T[]>, report: SharedReport, shouldStop: () => boolean): Promise<T[]> {
  const why = phase === 0 ? 'the same SFT checkpoint, by another variant of this seed' : 'by another unit, or before an update that changed nothing';
  return readOrRun(
    dir, 'evaluation', key, (v): v is T[] => Array.isArray(v) && v.length > 0, (outcomes) => outcomes.length,
    (n) => `phase ${phase} test evaluation: these weights were evaluated already (${why}); its ${n} outcomes are reused`, evaluateNow, report, shouldStop,
  );
}

/** A phase's rollouts with the stored run that holds their episodes (absent outside a workbench job). */
export interface SharedRollouts<T> {
  trajectories: T[];
  run?: { runId: string; episodes: number };
}

/** Rollouts of this checkpoint with these episode seeds: those recorded under `key` when there are some, else
 * `rollNow`'s, kept for the units after this one. A cancelled or partial batch is never kept. */
export function sharedRollouts<T>(dir: string, key: string, phase: number, expected: number, rollNow: () => Promise<SharedRollouts<T>>, report: SharedReport, shouldStop: () => boolean): Promise<SharedRollouts<T>> {
  const isWhole = (v: unknown): v is SharedRollouts<T> => !!v && typeof v === 'object' && Array.isArray((v as SharedRollouts<T>).trajectories) && (v as SharedRollouts<T>).trajectories.length === expected;
  return readOrRun(
    dir, 'rollouts', key, isWhole, (batch) => batch.trajectories.length,
    (n) => `phase ${phase} rollouts: another variant of this seed sampled the same weights with the same episode seeds; its ${n} rollouts are reused`, rollNow, report, shouldStop,
  );
}
