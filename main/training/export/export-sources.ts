// What `export --checkpoint` names (docs/export.md §4.2): each path, inside <dataDir>/training only, is either a
// policy checkpoint (phase-<n>.json or a job's variant folder: π_ref, and V and P where the steps recorded
// none) or a critics fit (`train critics`: its folder, critics.json or fit.json: V and P of every episode).
// At most one of each: a fit and a policy checkpoint together give the fit's V and P and the policy's π_ref.
// Each is checked here, so a bad one fails before anything is read from the store.
import { CheckpointPathError, resolveCheckpoint, resolveTrainingPath } from '../model/checkpoint-path';
import { checkCriticsFit, isCriticsFitPath } from './critics-fit';

export interface ExportSources {
  /** The policy checkpoint file (π_ref; its critics only when no fit is given). */
  checkpoint?: string;
  /** The critics fit (real path of its folder or file). */
  criticsFit?: string;
}

export async function exportSources(dataDir: string, requested: readonly string[], base?: string): Promise<ExportSources> {
  const sources: ExportSources = {};
  for (const path of requested) {
    const { real } = await resolveTrainingPath(dataDir, path, base);
    if (await isCriticsFitPath(real)) {
      if (sources.criticsFit) throw new CheckpointPathError(`--checkpoint names two critics fits (${sources.criticsFit} and ${path}): give one, the source of V and P.`);
      // A damaged fit, or one of another state encoding, is refused here, before the export says it starts.
      await checkCriticsFit(real);
      sources.criticsFit = real;
    } else {
      if (sources.checkpoint) throw new CheckpointPathError(`--checkpoint names two policy checkpoints (${sources.checkpoint} and ${path}): give one, the source of π_ref.`);
      sources.checkpoint = await resolveCheckpoint(dataDir, path, base);
    }
  }
  return sources;
}
