// Writes a job's study as one HTML file (issue 17) and says where: the CLI prints the path and its file:// URL.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TrainingJob } from '../../api/training-types';
import { writeOutputFile } from '../export/output-path';
import { studyView } from './study-view';

export async function writeStudyReport(job: TrainingJob, path: string): Promise<{ path: string; url: string }> {
  const absolute = resolve(path);
  await mkdir(dirname(absolute), { recursive: true });
  // Under a temporary name, renamed into place: a failed write never leaves half a report (or half of
  // whatever the path named before).
  await writeOutputFile(absolute, studyView(job).html);
  return { path: absolute, url: pathToFileURL(absolute).href };
}
