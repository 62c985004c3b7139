// `export --format mira` (issue 23): our own signals for a patched trainer — `steps.jsonl` (exportRun's
// lines: milestones, P, V, shaped rewards, advantages, the local policy's log π_ref) and `manifest.json`,
// which says what produced them (schema version, α, λ, γ, β, critic checkpoints, prompt and subgoal
// versions, task split) and is checked against docs/schemas/mira-export.schema.json before it is written.
import { join } from 'node:path';
import type { RunRecord } from '../../api/types';
import type { Store } from '../../store';
import manifestSchema from '../../../docs/schemas/mira-export.schema.json';
import { loadCheckpoint } from '../model/checkpoint';
import type { MiraConfig } from '../defaults';
import { exportConfig, exportRun } from './export-run';
import { schemaErrors, type JsonSchema } from './json-schema';
import { EXPORT_SCHEMA, type EpisodeReport } from './types';
import { createOutputFolder, openOutputFile } from './output-path';

export const MIRA_STEPS_FILE = 'steps.jsonl';
export const MIRA_MANIFEST_FILE = 'manifest.json';

export interface MiraWriteOptions {
  /** A checkpoint file or directory: critics where the steps recorded none, and π_ref. */
  checkpoint?: string;
  mira?: Partial<MiraConfig>;
  onEpisode?(report: EpisodeReport): void;
  onSkip?(episodeId: string, reason: string): void;
}

export interface MiraManifest {
  schema_version: typeof EXPORT_SCHEMA;
  created_at: string;
  run: { id: string; kind: string; policy: string | null; grammar: string | null; observation_format: string | null; created_at: string };
  mira: { alpha: number; lambda: number; gamma: number; beta: number; return_kind: MiraConfig['returnKind'] };
  critic_checkpoints: { role: 'acting_policy' | 'export'; path: string; phase: number | null; variant: string | null }[];
  prompt_versions: { purpose: 'policy' | 'subgoals'; name: string | null; version: number | null }[];
  subgoal_versions: { task_id: string; subgoal_set_id: number; version: number; origin: string; episodes: number }[];
  task_split: Record<string, 'train' | 'test' | null>;
  files: { steps: typeof MIRA_STEPS_FILE };
  counts: { episodes: number; steps: number; skipped: number };
}

export async function writeMiraExport(store: Store, runId: string, dir: string, options: MiraWriteOptions = {}): Promise<MiraManifest> {
  const config = exportConfig(options.mira);
  const run = await store.runs.get(runId);
  if (!run) throw new Error(`There is no run ${runId}.`);
  const exportCkpt = options.checkpoint ? await loadCheckpoint(options.checkpoint) : null;
  await createOutputFolder(dir);

  const counts = { episodes: 0, steps: 0, skipped: 0 };
  const exportedEpisodes: { id: string; taskId: string }[] = [];
  // steps.jsonl and manifest.json replace an earlier export's together, once both are complete and the
  // manifest conforms: a failed export leaves the earlier pair as it was.
  const stepsOut = await openOutputFile(join(dir, MIRA_STEPS_FILE));
  const manifestOut = await openOutputFile(join(dir, MIRA_MANIFEST_FILE)).catch(async (err: unknown) => {
    await stepsOut.discard();
    throw err;
  });
  try {
    const lines = exportRun(store, runId, {
      format: 'mira', checkpoint: options.checkpoint, mira: options.mira, onSkip: options.onSkip,
      onEpisode(report) {
        if (report.skipped) counts.skipped++;
        else (counts.episodes++, (counts.steps += report.steps), exportedEpisodes.push({ id: report.episodeId, taskId: report.taskId }));
        options.onEpisode?.(report);
      },
    });
    for await (const line of lines) await stepsOut.write(`${line}\n`);
    const manifest = await manifestOf(store, run, config, options, exportCkpt?.meta ?? null, exportedEpisodes, counts);
    assertManifest(manifest);
    await manifestOut.write(`${JSON.stringify(manifest, null, 2)}\n`);
    await stepsOut.commit();
    await manifestOut.commit();
    return manifest;
  } finally {
    await stepsOut.discard();
    await manifestOut.discard();
  }
}

async function manifestOf(
  store: Store,
  run: RunRecord,
  config: MiraConfig,
  options: MiraWriteOptions,
  exportCkpt: { phase: number | null; variant: string | null } | null,
  exportedEpisodes: readonly { id: string; taskId: string }[],
  counts: MiraManifest['counts'],
): Promise<MiraManifest> {
  const rc = run.config as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const critics: MiraManifest['critic_checkpoints'] = [];
  if (typeof rc.checkpoint === 'string') critics.push({ role: 'acting_policy', path: rc.checkpoint, phase: null, variant: null });
  if (options.checkpoint && exportCkpt) critics.push({ role: 'export', path: options.checkpoint, phase: exportCkpt.phase, variant: exportCkpt.variant });
  const { subgoalVersions, subgoalPrompts } = await subgoalsOf(store, exportedEpisodes);
  const taskSplit: MiraManifest['task_split'] = {};
  for (const e of exportedEpisodes) taskSplit[e.taskId] ??= (await store.tasks.get(e.taskId))?.split ?? null;
  return {
    schema_version: EXPORT_SCHEMA,
    created_at: new Date().toISOString(),
    run: { id: run.id, kind: run.kind, policy: str(rc.policy), grammar: str(rc.grammar), observation_format: str(rc.observationFormat), created_at: run.createdAt },
    mira: { alpha: config.alpha, lambda: config.lambda, gamma: config.gamma, beta: config.beta, return_kind: config.returnKind },
    critic_checkpoints: critics,
    // The policy prompt's version as the run pinned it (null: the latest at run time, or no LLM policy).
    prompt_versions: [{ purpose: 'policy', name: null, version: typeof rc.promptVersion === 'number' ? rc.promptVersion : null }, ...subgoalPrompts],
    subgoal_versions: subgoalVersions,
    task_split: taskSplit,
    files: { steps: MIRA_STEPS_FILE },
    counts,
  };
}

/** Throws with every problem when a manifest does not conform to docs/schemas/mira-export.schema.json. */
export function assertManifest(manifest: unknown): void {
  const errors = schemaErrors(manifest, manifestSchema as JsonSchema);
  if (errors.length) throw new Error(`The export manifest does not match docs/schemas/mira-export.schema.json:\n${errors.join('\n')}`);
}

async function subgoalsOf(store: Store, episodes: readonly { id: string; taskId: string }[]) {
  const repo = store.subgoalSets;
  const bySet = new Map<number, MiraManifest['subgoal_versions'][number]>();
  const prompts = new Map<string, MiraManifest['prompt_versions'][number]>();
  for (const e of episodes) {
    const set = await repo.forEpisode(e.id);
    if (!set) continue;
    const seen = bySet.get(set.id);
    if (seen) seen.episodes++;
    else bySet.set(set.id, { task_id: set.taskId, subgoal_set_id: set.id, version: set.version, origin: set.origin, episodes: 1 });
    if (set.promptName !== null) prompts.set(`${set.promptName}@${set.promptVersion}`, { purpose: 'subgoals', name: set.promptName, version: set.promptVersion });
  }
  return { subgoalVersions: [...bySet.values()], subgoalPrompts: [...prompts.values()] };
}
