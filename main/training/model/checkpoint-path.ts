// Where a requested checkpoint may come from (issue 14 "What the API may change"): only from inside
// `<dataDir>/training`, where training jobs write them. The path is refused when it names a `..` segment or
// resolves (symlinks followed) outside that folder, and the file is checked to be a workbench checkpoint
// before any run is created. Nothing read from a refused or foreign file ever reaches an error message:
// the reason is a fixed phrase.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** /2: answer candidates (issue 17) changed the policy's candidate features; a /1 file is refused by name. */
export const CHECKPOINT_FORMAT = 'mira-local-policy/2';
const OLDER_FORMATS = new Set(['mira-local-policy/1']);

export class CheckpointPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointPathError';
  }
}

export function trainingDirOf(dataDir: string): string {
  return join(dataDir, 'training');
}

/** Resolves a requested checkpoint (a phase-<n>.json file, or a directory: its newest phase) to the real
 * path of one checkpoint file inside `<dataDir>/training`, or throws an error that names the allowed
 * folder. A relative request is taken relative to `base` (default: the training folder itself). */
export async function resolveCheckpoint(dataDir: string, requested: string, base?: string): Promise<string> {
  const { root, real } = await resolveTrainingPath(dataDir, requested, base);
  const file = (await stat(real)).isDirectory() ? await newestPhase(root, real, requested) : real;
  await checkCheckpointFile(file, requested);
  return file;
}

/** The real path (file or folder) a request names inside `<dataDir>/training`, with the same refusals as
 * resolveCheckpoint but no check of what the file is (the export also takes a critics fit there). */
export async function resolveTrainingPath(dataDir: string, requested: string, base?: string): Promise<{ root: string; real: string }> {
  const allowed = trainingDirOf(dataDir);
  const outside = () => new CheckpointPathError(`Checkpoint "${requested}" is not inside ${allowed}: checkpoints are loaded only from that folder (a training job's <job>/<variant> directory or one of its phase-<n>.json files).`);
  if (requested.split(/[\\/]/).includes('..')) throw outside();
  const root = await realpath(allowed).catch(() => {
    throw new CheckpointPathError(`No checkpoint at "${requested}": ${allowed} does not exist yet (train a policy first).`);
  });
  const wanted = isAbsolute(requested) ? requested : resolve(base ?? allowed, requested);
  // Refuse before touching the path when it is plainly elsewhere; then follow symlinks and check again.
  if (!isInside(root, wanted) && !isInside(allowed, wanted)) throw outside();
  const real = await realpath(wanted).catch(() => {
    throw new CheckpointPathError(`No checkpoint at "${requested}" (inside ${allowed}).`);
  });
  if (!isInside(root, real)) throw outside();
  return { root, real };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

async function newestPhase(root: string, dir: string, requested: string): Promise<string> {
  const phases = (await readdir(dir)).map((f) => /^phase-(\d+)\.json$/.exec(f)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
  if (!phases.length) throw new CheckpointPathError(`No phase-<n>.json checkpoint in "${requested}".`);
  // The phase file itself may be a symlink: it must stay inside too.
  const real = await realpath(join(dir, `phase-${Math.max(...phases)}.json`));
  if (!isInside(root, real)) throw new CheckpointPathError(`Checkpoint "${requested}" links outside the training folder.`);
  return real;
}

async function checkCheckpointFile(file: string, requested: string): Promise<void> {
  const info = await stat(file);
  if (!info.isFile()) throw notACheckpoint(requested, 'not a regular file');
  parseCheckpointJson(requested, await readFile(file, 'utf8'));
}

function notACheckpoint(name: string, reason: string): CheckpointPathError {
  return new CheckpointPathError(`${name} is not a workbench checkpoint (${reason}).`);
}

/** Parses a checkpoint file's text. The reasons are fixed phrases: a file's content never reaches an error
 * (a run's outcome would store it, and the API would show it to whoever asked). */
export function parseCheckpointJson(name: string, text: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notACheckpoint(name, 'not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw notACheckpoint(name, 'not a JSON object');
  const record = json as Record<string, unknown>;
  if (typeof record.format === 'string' && OLDER_FORMATS.has(record.format)) {
    throw new CheckpointPathError(`${name} was saved by an older version of the trainer (${record.format}, before answer candidates); train the policy again.`);
  }
  if (record.format !== CHECKPOINT_FORMAT) throw notACheckpoint(name, `no ${CHECKPOINT_FORMAT} format marker`);
  for (const field of ['meta', 'policyConfig', 'policy'] as const) {
    if (typeof record[field] !== 'object' || record[field] === null) throw notACheckpoint(name, `${field} missing`);
  }
  return record;
}
