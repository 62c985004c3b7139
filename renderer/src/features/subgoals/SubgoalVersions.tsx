import type { SubgoalSet } from '../../../../main/api/contract';

/** A task's subgoal-set history, newest first; picking a version loads it into the editor. */
export function SubgoalVersions({ versions, selected, onPick }: { versions: SubgoalSet[]; selected: number | null; onPick(v: SubgoalSet): void }) {
  return (
    <aside className="versions panel" aria-label="Versions">
      <h2>Versions</h2>
      {versions.length === 0 && <p className="muted small">No subgoal set yet.</p>}
      <ol className="version-list" data-testid="subgoal-versions">
        {versions.map((v, i) => (
          <li key={v.id}>
            <button type="button" aria-pressed={v.version === selected} onClick={() => onPick(v)}>
              v{v.version} · {v.origin}{i === 0 ? ' (current)' : ''}
            </button>
            <span className="small muted"> {v.items.length} milestones · {new Date(v.createdAt).toLocaleString()}</span>
            {v.model && <div className="small muted">by {v.model}</div>}
            {v.note && <div className="small">{v.note}</div>}
          </li>
        ))}
      </ol>
    </aside>
  );
}
