import type { SubgoalSet } from '../../../../main/api/contract';
import { currentVersion, versionUseTag } from './version-labels';

/** A task's subgoal-set history, newest first; picking a version loads it into the editor. "(current)" is the
 * version the core says new runs start from (SubgoalSet.use): the newest is often an episode's mid-run re-plan,
 * which no new run starts from (docs/design/MIRA.md §3.2), so it is marked as a re-plan instead. */
export function SubgoalVersions({ versions, selected, onPick }: { versions: SubgoalSet[]; selected: number | null; onPick(v: SubgoalSet): void }) {
  const current = currentVersion(versions);
  const replans = versions.filter((v) => v.use === 'replan').map((v) => `v${v.version}`);
  const perSeed = versions.some((v) => v.use === 'per-seed');
  return (
    <aside className="versions panel" aria-label="Versions">
      <h2>Versions</h2>
      {versions.length === 0 && <p className="muted small">No subgoal set yet.</p>}
      <ol className="version-list" data-testid="subgoal-versions">
        {versions.map((v) => (
          <li key={v.id}>
            <button type="button" aria-pressed={v.version === selected} onClick={() => onPick(v)}>
              v{v.version} · {v.origin}{versionUseTag(v) === 'current' ? ' (current)' : versionUseTag(v) ? ` · ${versionUseTag(v)}` : ''}
            </button>
            <span className="small muted"> {v.items.length} milestones · {new Date(v.createdAt).toLocaleString()}</span>
            {v.model && <div className="small muted">by {v.model}</div>}
            {v.note && <div className="small">{v.note}</div>}
            {v.use === 'replan' && <div className="small muted">Made inside that episode: new runs do not start from it.</div>}
          </li>
        ))}
      </ol>
      {versions.length > 0 && (
        <div className="small muted" data-testid="version-use-note">
          <p>
            {current
              ? `New runs that take the task's newest set start from v${current.version} (current).`
              : perSeed
                ? "Each run of this MiniWoB++ task starts from the newest version an episode of its own seed used (the instruction differs per seed)."
                : 'No version here is a starting point for new runs.'}
            {replans.length > 0 && ` ${replans.length <= 5 ? replans.join(', ') : `The ${replans.length} versions marked re-plan`} ${replans.length === 1 ? 'is an episode\'s re-plan, never a starting point' : 'are episodes\' re-plans, never starting points'}.`}
          </p>
          <details>
            <summary>Which version does a run use?</summary>
            <ul>
              <li>&ldquo;Run … with vN&rdquo; (here, on the Tasks page or in a fork): exactly version N.</li>
              <li>sgo: writes its own plan from the first page; with <code style={{ whiteSpace: 'nowrap' }}>--subgoals latest</code> it starts from the current version, with <code style={{ whiteSpace: 'nowrap' }}>--subgoals reference</code> from the reference set.</li>
              <li>react: judged against the task&apos;s reference set where it has one (sandbox tasks), else the current version.</li>
            </ul>
          </details>
        </div>
      )}
    </aside>
  );
}
