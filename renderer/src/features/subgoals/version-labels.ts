import type { SubgoalSet } from '../../../../main/api/contract';

/** What the core says new runs do with a version (SubgoalSet.use), as a short tag after its origin. */
export function versionUseTag(v: SubgoalSet): string {
  return v.use === 'current' ? 'current' : v.use === 'replan' ? 're-plan' : '';
}

/** The version new runs start from when they take the task's newest set; null for none (no versions, or a
 * MiniWoB++ task, whose runs take their own seed's newest). An older core without `use` meant the newest. */
export function currentVersion(versions: readonly SubgoalSet[]): SubgoalSet | null {
  if (versions.some((v) => v.use !== undefined)) return versions.find((v) => v.use === 'current') ?? null;
  return versions[0] ?? null;
}
