import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { StepRecord } from '../../../../main/api/types';
import { diffLines, withoutElementIds } from './text-diff';
import { prefetchBlobText, useBlobText } from './use-blob-text';
import { useNearViewport } from './use-near-viewport';

const TABS = ['Observation', 'Changes', 'Prompt', 'Reply'] as const;
type Tab = (typeof TABS)[number];

/** The text blob a tab shows for a step (Changes diffs the observations). */
function tabText(tab: Tab, step: StepRecord): string | null {
  return tab === 'Prompt' ? step.promptRef : tab === 'Reply' ? step.responseRef : step.observationRef;
}

/** What the model saw and said at this step: the observation, its diff against the previous step, the
 * prompt and the raw reply (tabs defined as data, like Playwright's trace viewer). The texts are not part of
 * the episode's open (issue 22: bytes per open): the open tab's text loads when the panel is in view, and
 * the neighbouring steps' texts for that tab are fetched ahead so stepping shows them at once. */
export const StepTabs = memo(function StepTabs({ step, previous, neighbours }: {
  step: StepRecord | undefined;
  /** The step before (null: this is the first step; undefined: not loaded yet). */
  previous: StepRecord | null | undefined;
  neighbours: readonly StepRecord[];
}) {
  const [tab, setTab] = useState<Tab>('Observation');
  const panel = useRef<HTMLElement>(null);
  const tablist = useRef<HTMLDivElement>(null);
  const id = useId();
  // WAI-ARIA tabs: one Tab stop for the row; reached with the keyboard, ←/→ (and Home/End) pick the neighbouring
  // tab and focus it, and the key is marked handled so the replay's step keys (use-step-keys.ts) leave the frame.
  // A tab clicked with the pointer leaves ←/→ to stepping, as everywhere else in the replay: a person reading a
  // step's reply steps on with the arrows. (The browser's :focus-visible cannot tell: a key press turns it on.)
  const pointerFocused = useRef(false);
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (pointerFocused.current) return;
    const at = TABS.indexOf(tab);
    const next = event.key === 'ArrowRight' ? (at + 1) % TABS.length : event.key === 'ArrowLeft' ? (at + TABS.length - 1) % TABS.length
      : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    setTab(TABS[next]);
    tablist.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  const near = useNearViewport(panel);
  useEffect(() => {
    if (near) for (const n of neighbours) prefetchBlobText(tabText(tab, n));
  }, [near, tab, neighbours]);
  return (
    <section ref={panel} className="panel below-fold" aria-label="Step details">
      <div
        role="tablist"
        className="tabs"
        aria-label="Step texts"
        ref={tablist}
        onKeyDown={onTabKey}
        onPointerDown={() => (pointerFocused.current = true)}
        onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && (pointerFocused.current = false)}
      >
        {TABS.map((name) => (
          <button key={name} id={`${id}-${name}`} role="tab" type="button" aria-selected={tab === name} aria-controls={`${id}-panel`} tabIndex={tab === name ? 0 : -1} onClick={() => setTab(name)}>{name}</button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {!step && <p className="muted">Loading the step…</p>}
        {step && tab === 'Observation' && <BlobPre hash={step.observationRef} load={near} testId="observation" label="Observation text" />}
        {step && tab === 'Changes' && <ObservationDiff previous={previous} after={step.observationRef} load={near} />}
        {step && tab === 'Prompt' && <BlobPre hash={step.promptRef} load={near} testId="prompt" label="Prompt" empty="This policy sent no prompt (it is not an LLM)." />}
        {step && tab === 'Reply' && <BlobPre hash={step.responseRef} load={near} testId="reply" label="Raw reply" />}
      </div>
    </section>
  );
});

function BlobPre({ hash, load, testId, label, empty = 'Nothing was recorded.' }: { hash: string | null; load: boolean; testId: string; label: string; empty?: string }) {
  const { text, error } = useBlobText(hash, load);
  if (!hash) return <p className="muted">{empty}</p>;
  if (error) return <p role="alert" className="error">{error}</p>;
  // A scrolling box of text: a Tab stop, so its long lines can be scrolled from the keyboard (WCAG 2.1.1).
  return <pre className="observation" data-testid={testId} aria-label={label} tabIndex={0}>{text ?? 'Loading…'}</pre>;
}

function ObservationDiff({ previous, after, load }: { previous: StepRecord | null | undefined; after: string | null; load: boolean }) {
  const before = previous?.observationRef ?? null;
  const a = useBlobText(before, load);
  const b = useBlobText(after, load);
  if (previous === undefined) return <p className="muted">Loading…</p>;
  if (!before) return <p className="muted">The first step has nothing to compare with.</p>;
  if (a.text === null || b.text === null) return <p className="muted">Loading…</p>;
  // A line whose only change is its element id is not a change (withoutElementIds).
  const lines = diffLines(a.text, b.text, withoutElementIds).filter((l) => l.kind !== 'same');
  if (lines.length === 0) return <p className="muted">The observation did not change.</p>;
  return (
    <pre className="observation diff" data-testid="observation-diff" aria-label="Observation changes" tabIndex={0}>
      {lines.map((l, i) => (
        <div key={i} className={l.kind}>{l.kind === 'added' ? '+ ' : '- '}{l.text}</div>
      ))}
    </pre>
  );
}
