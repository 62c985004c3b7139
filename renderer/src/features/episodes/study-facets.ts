import type { EpisodeSummary, RunSummary } from '../../../../main/api/contract';

/** The values each study filter can take. Families and tags come from the host's summary (every episode in
 * scope) and the episodes seen so far (one recorded since), runs and versions from the runs table, so
 * narrowing one filter never hides the choices of another. */
export interface StudyFacets {
  family: string[];
  tag: string[];
  runs: { id: string; label: string }[];
  subgoalVersion: number[];
  promptVersion: number[];
}

const distinct = <T,>(values: Iterable<T | null | undefined>): T[] => [...new Set([...values].filter((v): v is T => v !== null && v !== undefined && v !== ''))];

/** What the facets read of an episode: the table's rows carry family and tags; versions also come from runs. */
export type FacetSource = Pick<EpisodeSummary, 'id' | 'family' | 'tags'> & Partial<Pick<EpisodeSummary, 'subgoalVersion' | 'promptVersion'>>;

export function studyFacets(seen: readonly FacetSource[], runs: readonly RunSummary[], known: { family: string[]; tag: string[] } = { family: [], tag: [] }): StudyFacets {
  return {
    family: distinct([...known.family, ...seen.map((e) => e.family)]).sort(),
    tag: distinct([...known.tag, ...seen.flatMap((e) => e.tags)]).sort(),
    runs: runs.map((r) => ({ id: r.id, label: runLabel(r) })),
    subgoalVersion: distinct([...seen.map((e) => e.subgoalVersion), ...runs.flatMap((r) => r.subgoalVersions)]).sort((a, b) => a - b),
    promptVersion: distinct([...seen.map((e) => e.promptVersion), ...runs.map((r) => r.promptVersion)]).sort((a, b) => a - b),
  };
}

/** A run as the run filter names it; a training job's run (issue 21) by its phase and stage. */
function runLabel(run: RunSummary): string {
  const training = run.kind === 'rollout' ? (run.config.training as { stage?: unknown } | undefined) : undefined;
  const what = training ? `training phase ${String(run.config.phase ?? '?')} ${String(training.stage ?? '')}`.trim() : String(run.config.policy ?? run.kind);
  return `${run.id.slice(0, 8)} · ${what}`;
}

/** Episodes seen across loads, newest answer first, for studyFacets (keeps every episode once). */
export function mergeSeen<T extends { id: string }>(previous: readonly T[], loaded: readonly T[]): T[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  for (const e of loaded) byId.set(e.id, e);
  return [...byId.values()];
}
