import { useState } from 'react';
import type { SubgoalSet } from '../../../../main/api/contract';
import { diffLines } from '../replay/text-diff';
import { describe } from './subgoal-draft';

/** The difference between two versions of a task's subgoal set, one milestone per line. */
export function SubgoalDiff({ versions }: { versions: SubgoalSet[] }) {
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]?.version);
  const [to, setTo] = useState(versions[0]?.version);
  if (versions.length < 2) return null;
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  const lines = a && b ? diffLines(describe(a.items), describe(b.items)) : [];
  const pick = (label: string, value: number | undefined, set: (v: number) => void) => (
    <label>{label}{' '}
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => <option key={v.version} value={v.version}>v{v.version} ({v.origin})</option>)}
      </select>
    </label>
  );
  return (
    <section className="panel" aria-label="Diff between versions">
      <h2>Diff</h2>
      <div className="save-bar">{pick('From', from, setFrom)}{pick('To', to, setTo)}</div>
      <pre className="observation diff" data-testid="subgoal-diff" aria-label="Subgoal changes">
        {lines.map((l, i) => (
          <div key={i} className={l.kind}>{l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}{l.text}</div>
        ))}
      </pre>
    </section>
  );
}
