import type { PromptVersion } from '../../../../main/api/contract';

/** Every version of a prompt, newest first; picking one loads it into the editor. */
export function PromptVersions({ versions, selected, onPick }: { versions: PromptVersion[]; selected: number; onPick(v: PromptVersion): void }) {
  return (
    <aside className="versions panel" aria-label="Versions">
      <h2>Versions</h2>
      <ol className="version-list" data-testid="prompt-versions">
        {versions.map((v) => (
          <li key={v.version}>
            <button type="button" aria-pressed={v.version === selected} onClick={() => onPick(v)}>
              v{v.version}{v.isDefault ? ' (default)' : ''}
            </button>
            <span className="small muted"> {new Date(v.createdAt).toLocaleString()}</span>
            {v.note && <div className="small">{v.note}</div>}
          </li>
        ))}
      </ol>
    </aside>
  );
}
