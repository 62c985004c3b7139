import { useState } from 'react';
import type { StepRecord } from '../../../../main/api/types';
import { diffLines } from './text-diff';
import { useBlobText } from './use-blob-text';

const TABS = ['Observation', 'Changes', 'Prompt', 'Reply'] as const;
type Tab = (typeof TABS)[number];

/** What the model saw and said at this step: the observation, its diff against the previous step, the
 * prompt and the raw reply (tabs defined as data, like Playwright's trace viewer). */
export function StepTabs({ step, previous }: { step: StepRecord; previous: StepRecord | undefined }) {
  const [tab, setTab] = useState<Tab>('Observation');
  return (
    <section className="panel below-fold" aria-label="Step details">
      <div role="tablist" className="tabs">
        {TABS.map((name) => (
          <button key={name} role="tab" type="button" aria-selected={tab === name} onClick={() => setTab(name)}>{name}</button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab}>
        {tab === 'Observation' && <BlobPre hash={step.observationRef} testId="observation" label="Observation text" />}
        {tab === 'Changes' && <ObservationDiff before={previous?.observationRef ?? null} after={step.observationRef} />}
        {tab === 'Prompt' && <BlobPre hash={step.promptRef} testId="prompt" label="Prompt" empty="This policy sent no prompt (it is not an LLM)." />}
        {tab === 'Reply' && <BlobPre hash={step.responseRef} testId="reply" label="Raw reply" />}
      </div>
    </section>
  );
}

function BlobPre({ hash, testId, label, empty = 'Nothing was recorded.' }: { hash: string | null; testId: string; label: string; empty?: string }) {
  const { text, error } = useBlobText(hash);
  if (!hash) return <p className="muted">{empty}</p>;
  if (error) return <p role="alert" className="error">{error}</p>;
  return <pre className="observation" data-testid={testId} aria-label={label}>{text ?? 'Loading…'}</pre>;
}

function ObservationDiff({ before, after }: { before: string | null; after: string | null }) {
  const a = useBlobText(before);
  const b = useBlobText(after);
  if (!before) return <p className="muted">The first step has nothing to compare with.</p>;
  if (a.text === null || b.text === null) return <p className="muted">Loading…</p>;
  const lines = diffLines(a.text, b.text).filter((l) => l.kind !== 'same');
  if (lines.length === 0) return <p className="muted">The observation did not change.</p>;
  return (
    <pre className="observation diff" data-testid="observation-diff" aria-label="Observation changes">
      {lines.map((l, i) => (
        <div key={i} className={l.kind}>{l.kind === 'added' ? '+ ' : '- '}{l.text}</div>
      ))}
    </pre>
  );
}
