// A critics fit on recorded runs (`train critics`, main/training/critics/) as the `mira` export's source of V and
// P (docs/export.md §4.2): its folder <dataDir>/training/critics/<fitId>/ holds critics.json (the weights,
// "mira-critics/1") and fit.json (the job record: runs, epochs, losses). Before any number is computed the
// weights are checked against this version's critic networks — every parameter present with the shape
// criticNetSpecs gives, no extra one, finite values — so a fit saved with another state encoding or a damaged
// file is refused by name, never scored. Errors name the file and a fixed reason, never its content (as
// policy checkpoints, model/checkpoint-path.ts).
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CriticFitJob, CriticNetResult } from '../../api/critic-types';
import { selectBackend } from '../backend';
import { CRITIC_CHECKPOINT_FILE, CRITIC_CHECKPOINT_FORMAT } from '../critics/critic-checkpoint';
import { FIT_FILE } from '../critics/fit-files';
import { CriticModel, criticNetSpecs, type CriticModelConfig } from '../model/critic-model';
import { DEFAULT_ENCODER_DIMS } from '../model/encoder';
import { DEFAULT_FEATURE_DIMS } from '../model/features';
import type { SerializedParams } from '../model/params';

const FORMAT_FAMILY = 'mira-critics/';
const NETS = ['value/', 'potential/'] as const;

export class CriticsFitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CriticsFitError';
  }
}

/** What the fit's record says about one critic, for the manifest (null fields: not recorded). */
export interface CriticNetSummary {
  epochs: number;
  keptEpoch: number;
  trainLoss: number;
  heldOutLoss: number | null;
  heldOutNote: string | null;
}

export interface CriticsFit {
  /** critics.json's path. */
  path: string;
  fitId: string;
  runIds: string[];
  seed: number | null;
  createdAt: string | null;
  critic: CriticModel;
  /** false when the fit had no episode judged against subgoals: its P network is its untrained initial weights. */
  potentialFitted: boolean;
  /** From fit.json; null when the folder has no fit record (critics.json copied on its own). */
  record: { value: CriticNetSummary; potential: CriticNetSummary | null } | null;
}

/** Whether a resolved path inside <dataDir>/training is a critics fit (its folder, critics.json, fit.json, or a
 * file with the mira-critics format marker) rather than a policy checkpoint. */
export async function isCriticsFitPath(real: string): Promise<boolean> {
  if ((await stat(real)).isDirectory()) return stat(join(real, CRITIC_CHECKPOINT_FILE)).then(() => true, () => false);
  if (basename(real) === CRITIC_CHECKPOINT_FILE || basename(real) === FIT_FILE) return true;
  const head = await readFile(real, 'utf8').then((text) => text.slice(0, 200), () => '');
  return head.includes(`"format":"${FORMAT_FAMILY}`);
}

/** Loads and checks a critics fit given as its folder, its critics.json or its fit.json. */
export async function loadCriticsFit(requested: string): Promise<CriticsFit> {
  const { config, weights, ...fit } = await checkCriticsFit(requested);
  // The backend the fit worker and the local scorer pick (the first that loads): float32 results differ in the
  // last bits between backends, and the export should give the numbers the fit's own scores.json holds.
  await (backend ??= selectBackend());
  return { ...fit, critic: CriticModel.fromJSON(config, weights) };
}

let backend: Promise<unknown> | null = null;

/** Everything loadCriticsFit checks, without building the networks: the CLI refuses a bad fit before it says
 * it is exporting. */
export async function checkCriticsFit(requested: string): Promise<Omit<CriticsFit, 'critic'> & { config: CriticModelConfig; weights: SerializedParams }> {
  const dir = (await stat(requested)).isDirectory() ? requested : basename(requested) === FIT_FILE ? dirname(requested) : null;
  const path = dir === null ? requested : join(dir, CRITIC_CHECKPOINT_FILE);
  const damaged = (reason: string) => new CriticsFitError(`${path} is a damaged critics fit (${reason}); fit the critics again (\`train critics --runs …\`).`);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new CriticsFitError(`No critics fit at ${path} (unreadable or missing).`);
  });
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw damaged('not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw damaged('not a JSON object');
  if (typeof json.format !== 'string' || !json.format.startsWith(FORMAT_FAMILY)) throw new CriticsFitError(`${path} is not a critics fit (no ${CRITIC_CHECKPOINT_FORMAT} format marker).`);
  if (json.format !== CRITIC_CHECKPOINT_FORMAT) {
    throw new CriticsFitError(`${path} was saved with another state encoding (${json.format}; this version reads ${CRITIC_CHECKPOINT_FORMAT}): its V and P would score different states. Fit the critics again.`);
  }
  const meta = json.meta as Record<string, unknown> | undefined;
  if (!meta || typeof meta.fitId !== 'string' || !Array.isArray(meta.runIds) || !meta.runIds.every((r) => typeof r === 'string')) throw damaged('meta missing or malformed');
  const config = checkedConfig(json.criticConfig, path, damaged);
  if (typeof json.critic !== 'object' || json.critic === null) throw damaged('weights missing');
  checkWeights(json.critic as SerializedParams, config, path, damaged);
  const record = await fitRecord(dir ?? dirname(path), meta.fitId);
  return {
    path,
    fitId: meta.fitId,
    runIds: meta.runIds as string[],
    seed: typeof meta.seed === 'number' ? meta.seed : null,
    createdAt: typeof meta.createdAt === 'string' ? meta.createdAt : null,
    config,
    weights: json.critic as SerializedParams,
    potentialFitted: record === null || record.potential !== null,
    record,
  };
}

/** The stored feature and encoder sizes: the same fields as this version's, each a positive integer. */
function checkedConfig(raw: unknown, path: string, damaged: (reason: string) => Error): CriticModelConfig {
  const c = raw as Partial<CriticModelConfig> | undefined;
  if (!c || typeof c.features !== 'object' || typeof c.encoder !== 'object' || !c.features || !c.encoder) throw damaged('criticConfig missing');
  for (const [group, stored, expected] of [['features', c.features, DEFAULT_FEATURE_DIMS], ['encoder', c.encoder, DEFAULT_ENCODER_DIMS]] as const) {
    const have = Object.keys(stored).sort().join(',');
    const want = Object.keys(expected).sort().join(',');
    if (have !== want) throw encodingMismatch(path, `its ${group} sizes are {${have}}, this version's {${want}}`);
    for (const [key, v] of Object.entries(stored)) if (!Number.isSafeInteger(v) || (v as number) < 1) throw damaged(`criticConfig.${group}.${key} is not a positive integer`);
  }
  return c as CriticModelConfig;
}

/** Every parameter of both networks with the shape this version's critics give the stored sizes, decoded to
 * finite float32s; nothing else. A shape that differs means another state encoding (e.g. another number of
 * per-state features), not a damaged file. */
function checkWeights(weights: SerializedParams, config: CriticModelConfig, path: string, damaged: (reason: string) => Error): void {
  const specs = criticNetSpecs(config);
  const expected = new Set(NETS.flatMap((net) => Object.keys(specs).map((name) => net + name)));
  for (const name of Object.keys(weights)) if (!expected.has(name)) throw encodingMismatch(path, `it has a parameter "${name}" this version's critics do not`);
  for (const net of NETS) {
    for (const [name, spec] of Object.entries(specs)) {
      const p = weights[net + name];
      if (!p || !Array.isArray(p.shape) || typeof p.data !== 'string') throw damaged(`parameter ${net + name} missing`);
      if (p.shape.join('x') !== spec.shape.join('x')) throw encodingMismatch(path, `${net + name} has shape [${p.shape.join(', ')}], this version's critics [${spec.shape.join(', ')}]`);
      const bytes = Buffer.from(p.data, 'base64');
      const size = spec.shape.reduce((a, b) => a * b, 1);
      if (bytes.byteLength !== size * 4) throw damaged(`parameter ${net + name} holds ${bytes.byteLength} bytes, not ${size * 4}`);
      const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      if (!values.every(Number.isFinite)) throw damaged(`parameter ${net + name} holds a value that is not a finite number`);
    }
  }
}

function encodingMismatch(path: string, why: string): CriticsFitError {
  return new CriticsFitError(`${path} does not match this version's state encoding (${why}); fit the critics again.`);
}

/** fit.json beside the weights: it must be this fit's and finished; absent, the manifest says the losses are unknown. */
async function fitRecord(dir: string, fitId: string): Promise<CriticsFit['record']> {
  const file = join(dir, FIT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  let job: Partial<CriticFitJob>;
  try {
    job = JSON.parse(text) as Partial<CriticFitJob>;
  } catch {
    throw new CriticsFitError(`${file} is a damaged fit record (not JSON).`);
  }
  if (job.id !== fitId) throw new CriticsFitError(`${file} belongs to another fit than ${join(dir, CRITIC_CHECKPOINT_FILE)} (fit ${fitId}).`);
  if (job.status !== 'finished' || !job.result?.value) throw new CriticsFitError(`Critics fit ${fitId} did not finish (status ${String(job.status)}): it has no critics to export with.`);
  return { value: summary(job.result.value), potential: job.result.potential ? summary(job.result.potential) : null };
}

function summary(r: CriticNetResult): CriticNetSummary {
  return { epochs: r.epochs, keptEpoch: r.keptEpoch, trainLoss: r.trainLoss, heldOutLoss: r.heldOutLoss, heldOutNote: r.heldOutNote ?? null };
}
