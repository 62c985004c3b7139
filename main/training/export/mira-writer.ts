// `export --format mira` (issue 23): our own signals for a patched trainer — `steps.jsonl` (exportRun's
// lines: milestones, P, V, shaped rewards, advantages, the local policy's log π_ref) and `manifest.json`,
// which says what produced them (schema version, α, λ, γ, β, critic checkpoints, the critics fit, prompt and subgoal
// versions, task split) and is checked against docs/schemas/mira-export.schema.json before it is written.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunRecord } from '../../api/types';
import type { Store } from '../../store';
import manifestSchema from '../../../docs/schemas/mira-export.schema.json';
import { loadCheckpoint } from '../model/checkpoint';
import { parseCheckpointJson } from '../model/checkpoint-path';
import { loadCriticsFit, type CriticNetSummary, type CriticsFit } from './critics-fit';
import type { MiraConfig } from '../defaults';
import { exportConfig, exportRun } from './export-run';
import { schemaErrors, type JsonSchema } from './json-schema';
import { EXPORT_SCHEMA, type EpisodeReport } from './types';
import { createOutputFolder, openOutputFile } from './output-path';

export const MIRA_STEPS_FILE = 'steps.jsonl';
export const MIRA_MANIFEST_FILE = 'manifest.json';

export interface MiraWriteOptions {
  /** A checkpoint file or directory: critics where the steps recorded none (unless a critics fit is given), and π_ref. */
  checkpoint?: string;
  /** A critics fit (`train critics`): V and P of every episode. */
  criticsFit?: string;
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
  critics_fit: ManifestCriticsFit | null;
  prompt_versions: { purpose: 'policy' | 'subgoals'; name: string | null; version: number | null }[];
  subgoal_versions: { task_id: string; subgoal_set_id: number; version: number; origin: string; episodes: number }[];
  task_split: Record<string, 'train' | 'test' | null>;
  files: { steps: typeof MIRA_STEPS_FILE };
  counts: { episodes: number; steps: number; skipped: number };
}

export interface ManifestCriticNet {
  epochs: number;
  kept_epoch: number;
  train_loss: number;
  held_out_loss: number | null;
  held_out_note: string | null;
}

/** The critics fit that gave every line's V and P (critic_source "critics_fit"). */
export interface ManifestCriticsFit {
  path: string;
  fit_id: string;
  run_ids: string[];
  seed: number | null;
  created_at: string | null;
  /** false: the fit had no episode with subgoals, so P is absent (potential null on every line). */
  potential_fitted: boolean;
  /** Whether fit.json (epochs, losses) was beside the weights; value and potential are null when it was not. */
  fit_record: boolean;
  value: ManifestCriticNet | null;
  potential: ManifestCriticNet | null;
}

export async function writeMiraExport(store: Store, runId: string, dir: string, options: MiraWriteOptions = {}): Promise<MiraManifest> {
  const config = exportConfig(options.mira);
  const run = await store.runs.get(runId);
  if (!run) throw new Error(`There is no run ${runId}.`);
  const exportCkpt = options.checkpoint ? await loadCheckpoint(options.checkpoint) : null;
  // A damaged fit, or one of another state encoding, is refused here: before the output folder exists.
  const fit = options.criticsFit ? await loadCriticsFit(options.criticsFit) : null;
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
      format: 'mira', checkpoint: options.checkpoint, criticsFit: fit ?? undefined, mira: options.mira, onSkip: options.onSkip,
      onEpisode(report) {
        if (report.skipped) counts.skipped++;
        else (counts.episodes++, (counts.steps += report.steps), exportedEpisodes.push({ id: report.episodeId, taskId: report.taskId }));
        options.onEpisode?.(report);
      },
    });
    for await (const line of lines) await stepsOut.write(`${line}\n`);
    const manifest = await manifestOf(store, run, config, options, exportCkpt?.meta ?? null, fit, exportedEpisodes, counts);
    assertManifest(manifest);
    await manifestOut.write(`${JSON.stringify(manifest, null, 2)}\n`);
    await stepsOut.commit();
    await manifestOut.commit();
    return manifest;
  } finally {
    await stepsOut.discard();
    await manifestOut.discard();
    fit?.critic.dispose();
  }
}

async function manifestOf(
  store: Store,
  run: RunRecord,
  config: MiraConfig,
  options: MiraWriteOptions,
  exportCkpt: { phase: number | null; variant: string | null } | null,
  fit: CriticsFit | null,
  exportedEpisodes: readonly { id: string; taskId: string }[],
  counts: MiraManifest['counts'],
): Promise<MiraManifest> {
  const rc = run.config as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const critics: MiraManifest['critic_checkpoints'] = [];
  if (typeof rc.checkpoint === 'string') critics.push({ role: 'acting_policy', path: rc.checkpoint, ...(await actingPolicyOf(rc.checkpoint, rc)) });
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
    critics_fit: fit ? manifestFit(fit) : null,
    // The policy prompt's version as the run pinned it (null: the latest at run time, or no LLM policy).
    prompt_versions: [{ purpose: 'policy', name: null, version: typeof rc.promptVersion === 'number' ? rc.promptVersion : null }, ...subgoalPrompts],
    subgoal_versions: subgoalVersions,
    task_split: taskSplit,
    files: { steps: MIRA_STEPS_FILE },
    counts,
  };
}

/** Phase and variant of the checkpoint that acted in the run: its own meta, else what the run's config says
 * (a training rollout records its phase and variant); null where neither knows (the file is gone or foreign). */
async function actingPolicyOf(path: string, rc: Record<string, unknown>): Promise<{ phase: number | null; variant: string | null }> {
  const training = (typeof rc.training === 'object' && rc.training !== null ? rc.training : {}) as Record<string, unknown>;
  let phase: unknown = rc.phase;
  let variant: unknown = training.variant;
  try {
    const meta = parseCheckpointJson(path, await readFile(path, 'utf8')).meta as Record<string, unknown>;
    phase = meta.phase;
    variant = meta.variant;
  } catch {
    // The file is gone or not a checkpoint any more: the run's config is all there is.
  }
  return { phase: Number.isSafeInteger(phase) ? (phase as number) : null, variant: typeof variant === 'string' ? variant : null };
}

function manifestFit(fit: CriticsFit): ManifestCriticsFit {
  const net = (n: CriticNetSummary | null): ManifestCriticNet | null =>
    n && { epochs: n.epochs, kept_epoch: n.keptEpoch, train_loss: n.trainLoss, held_out_loss: n.heldOutLoss, held_out_note: n.heldOutNote };
  return {
    path: fit.path, fit_id: fit.fitId, run_ids: fit.runIds, seed: fit.seed, created_at: fit.createdAt,
    potential_fitted: fit.potentialFitted, fit_record: fit.record !== null,
    value: net(fit.record?.value ?? null), potential: net(fit.record?.potential ?? null),
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
