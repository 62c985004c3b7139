// The test split of a training job (issue 21 "Training → use"): the same instances the trainer evaluates
// after every phase — each requested family instantiated `instancesPerFamily` times from the workbench's
// dataset seed, exactly as the trainer's own catalog does, keeping those in the test split
// (docs/design/SANDBOX.md §3.4). A checkpoint is "run on the test split" over these task ids.
import { findFamily } from '../sandbox/families';
import type { SandboxTaskInstance } from '../sandbox/types';
import type { TrainingJob, TrainingRequest } from '../api/training-types';
import type { SandboxCatalog } from '../runs/sandbox-catalog';
import type { Store } from '../store';

/** Every instance a job trains or evaluates on, train and test, in family then index order. */
export function jobInstances(request: Pick<TrainingRequest, 'families' | 'instancesPerFamily'>, datasetSeed: number): SandboxTaskInstance[] {
  return request.families.flatMap((id) => {
    const family = findFamily(id);
    if (!family) throw new Error(`Unknown sandbox family ${id}.`);
    return Array.from({ length: request.instancesPerFamily }, (_, index) => family.instantiate(datasetSeed, index));
  });
}

/** The job's test-split instances, without duplicates (an index that wraps around repeats a task). */
export function jobTestInstances(request: Pick<TrainingRequest, 'families' | 'instancesPerFamily'>, datasetSeed: number): SandboxTaskInstance[] {
  const seen = new Map<string, SandboxTaskInstance>();
  for (const instance of jobInstances(request, datasetSeed)) if (instance.split === 'test' && !seen.has(instance.id)) seen.set(instance.id, instance);
  return [...seen.values()];
}

/** Makes every job's test split runnable in this workbench: a job may have used more instances per family
 * than the catalog offers (or come from another process), and a run is scored only on catalog tasks. */
export async function includeJobTestSplits(catalog: SandboxCatalog | null, store: Store, jobs: readonly TrainingJob[]): Promise<void> {
  if (!catalog) return;
  for (const job of jobs) {
    if (job.testTaskIds?.every((id) => catalog.get(id))) continue;
    await catalog.include(jobTestInstances(job.request, catalog.datasetSeed), store);
  }
}
