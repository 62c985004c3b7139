// Per-phase checkpoints (issue 7: "Checkpoints saved per phase and loadable by the agent loop"): one JSON
// file per phase, `<dir>/phase-<n>.json`, holding the policy's weights (exact float32, base64), the
// critics' weights, the model configs and the learned select-option vocabulary.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SelectVocab } from './candidates';
import { CHECKPOINT_FORMAT, parseCheckpointJson } from './checkpoint-path';
import { CriticModel, type CriticModelConfig } from './critic-model';
import { ParamSet, type SerializedParams } from './params';
import { PolicyModel, type PolicyModelConfig } from './policy-model';

export { CHECKPOINT_FORMAT };

export interface CheckpointMeta {
  phase: number;
  variant: string;
  /** Test-split success rate measured after the phase, when known. */
  testSuccessRate?: number;
  createdAt: string;
  [key: string]: unknown;
}

interface CheckpointFile {
  format: typeof CHECKPOINT_FORMAT;
  meta: CheckpointMeta;
  vocab: SelectVocab;
  policyConfig: PolicyModelConfig;
  policy: SerializedParams;
  criticConfig?: CriticModelConfig;
  critic?: SerializedParams;
}

export interface LoadedCheckpoint {
  meta: CheckpointMeta;
  vocab: SelectVocab;
  policy: PolicyModel;
  critic: CriticModel | null;
}

export function checkpointPath(dir: string, phase: number): string {
  return join(dir, `phase-${phase}.json`);
}

export async function saveCheckpoint(dir: string, c: { meta: CheckpointMeta; vocab: SelectVocab; policy: PolicyModel; critic?: CriticModel | null }): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file: CheckpointFile = {
    format: CHECKPOINT_FORMAT,
    meta: c.meta,
    vocab: c.vocab,
    policyConfig: c.policy.config,
    policy: c.policy.params.toJSON(),
    ...(c.critic ? { criticConfig: c.critic.config, critic: c.critic.toJSON() } : {}),
  };
  const path = checkpointPath(dir, c.meta.phase);
  await writeFile(path, JSON.stringify(file));
  return path;
}

/** Loads a checkpoint file, or the highest phase in a checkpoint directory. */
export async function loadCheckpoint(path: string): Promise<LoadedCheckpoint> {
  const file = (await stat(path)).isDirectory() ? await latestIn(path) : path;
  // Errors name the file and a fixed reason, never its content (issue 14).
  const json = parseCheckpointJson(file, await readFile(file, 'utf8')) as unknown as CheckpointFile;
  return {
    meta: json.meta,
    vocab: json.vocab,
    policy: new PolicyModel(json.policyConfig, ParamSet.fromJSON(json.policy)),
    critic: json.critic && json.criticConfig ? CriticModel.fromJSON(json.criticConfig, json.critic) : null,
  };
}

async function latestIn(dir: string): Promise<string> {
  const phases = (await readdir(dir)).map((f) => /^phase-(\d+)\.json$/.exec(f)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
  if (!phases.length) throw new Error(`No phase-<n>.json checkpoint in ${dir}.`);
  return checkpointPath(dir, Math.max(...phases));
}
