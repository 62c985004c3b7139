// The checkpoint of critics fitted on recorded runs (issue 17): V and P only, no policy, so it is its own
// format ("mira-critics/1"), beside the policy checkpoints under <dataDir>/training.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CriticModel, type CriticModelConfig } from '../model/critic-model';
import type { SerializedParams } from '../model/params';

export const CRITIC_CHECKPOINT_FORMAT = 'mira-critics/1';
export const CRITIC_CHECKPOINT_FILE = 'critics.json';

export interface CriticCheckpointMeta {
  fitId: string;
  runIds: string[];
  seed: number;
  createdAt: string;
}

interface CriticCheckpointFile {
  format: typeof CRITIC_CHECKPOINT_FORMAT;
  meta: CriticCheckpointMeta;
  criticConfig: CriticModelConfig;
  critic: SerializedParams;
}

export async function saveCriticCheckpoint(dir: string, critic: CriticModel, meta: CriticCheckpointMeta): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file: CriticCheckpointFile = { format: CRITIC_CHECKPOINT_FORMAT, meta, criticConfig: critic.config, critic: critic.toJSON() };
  const path = join(dir, CRITIC_CHECKPOINT_FILE);
  await writeFile(path, JSON.stringify(file));
  return path;
}

/** Errors name the file and a fixed reason, never its content (as policy checkpoints, issue 14). */
export async function loadCriticCheckpoint(path: string): Promise<{ meta: CriticCheckpointMeta; critic: CriticModel }> {
  let json: Partial<CriticCheckpointFile>;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new Error(`${path} is not a critic checkpoint (unreadable or not JSON).`);
  }
  if (json.format !== CRITIC_CHECKPOINT_FORMAT || !json.meta || !json.criticConfig || !json.critic) throw new Error(`${path} is not a critic checkpoint (no ${CRITIC_CHECKPOINT_FORMAT} format marker or fields missing).`);
  return { meta: json.meta, critic: CriticModel.fromJSON(json.criticConfig, json.critic) };
}
