import { useState } from 'react';
import { diffLines } from '../features/replay/text-diff';

/** One version of something versioned (a subgoal set, a prompt), as text to diff line by line. */
export type DiffableVersion = { version: number; label?: string; text: string };

/** The line diff between any two versions, newest first in `versions`; shared by the Subgoals and Prompts
 * pages so both read the same way. Key it by the number of versions so a new one resets the picks. */
export function VersionDiff({ versions, testId, changesLabel }: { versions: DiffableVersion[]; testId: string; changesLabel: string }) {
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]?.version);
  const [to, setTo] = useState(versions[0]?.version);
  if (versions.length < 2) return null;
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  const lines = a && b ? diffLines(a.text, b.text) : [];
  const pick = (label: string, value: number | undefined, set: (v: number) => void) => (
    <label>{label}{' '}
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}{v.label ? ` (${v.label})` : ''}</option>)}
      </select>
    </label>
  );
  return (
    <section className="panel" aria-label="Diff between versions">
      <h2>Diff</h2>
      <div className="save-bar">{pick('From', from, setFrom)}{pick('To', to, setTo)}</div>
      <pre className="observation diff" data-testid={testId} aria-label={changesLabel} tabIndex={0}>
        {lines.map((l, i) => (
          <div key={i} className={l.kind}>{l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}{l.text}</div>
        ))}
      </pre>
    </section>
  );
}
