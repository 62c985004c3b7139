// A training job's record on disk (<dataDir>/training/<jobId>/job.json, next to its checkpoints). Written
// whole to a temporary file and renamed, so a process killed mid-write leaves the previous version intact.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TrainingJob } from '../api/training-types';
import type { JobOwnerFields } from './job-owner';

/** A job as its file holds it: the API's record plus its owner's token and heartbeat (job-owner.ts), which only
 * the job services read. Records written before those were kept parse as well: the fields are optional. */
export type StoredTrainingJob = TrainingJob & JobOwnerFields;

export function jobDir(root: string, jobId: string): string {
  return join(root, jobId);
}

export async function writeJob(root: string, job: TrainingJob): Promise<void> {
  const dir = jobDir(root, job.id);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `job.json.${randomUUID()}.tmp`);
  await writeFile(tmp, JSON.stringify(job, null, 1));
  await rename(tmp, join(dir, 'job.json'));
}

/** Every readable job, newest first; an unreadable record is reported, not fatal. */
export async function readJobs(root: string, warn: (message: string) => void = console.warn): Promise<StoredTrainingJob[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const jobs: StoredTrainingJob[] = [];
  for (const name of names) {
    const file = join(root, name, 'job.json');
    try {
      jobs.push(JSON.parse(await readFile(file, 'utf8')) as StoredTrainingJob);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`Skipping training job record ${file}: ${(err as Error).message}`);
    }
  }
  return jobs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
