import { memo, useRef } from 'react';
import type { EpisodeAnalysis } from '../../../../main/api/types';
import { useFocusFollows } from './use-focus-follows';

/** One cell per step; the failure analyzer's key decision step and evidence steps are marked, so a person
 * sees where the episode went wrong before reading anything (docs/design/MIRA.md §1). Cells are memoised: a
 * step change re-renders the two whose selection changed, not all of them (issue 22: next frame). One Tab stop,
 * the current step's cell; the step keys move the focus with the step (use-focus-follows.ts). */
export const StepTimeline = memo(function StepTimeline({ count, current, analysis, onSelect }: { count: number; current: number; analysis: EpisodeAnalysis | null; onSelect(t: number): void }) {
  const evidence = new Set(analysis?.evidenceSteps ?? []);
  const key = analysis?.keyDecision?.t;
  const strip = useRef<HTMLDivElement>(null);
  useFocusFollows(strip, current);
  return (
    <div className="timeline" role="group" aria-label="Timeline" data-testid="timeline" ref={strip}>
      {Array.from({ length: count }, (_, t) => (
        <Cell key={t} t={t} kind={t === key ? 'key' : evidence.has(t) ? 'evidence' : ''} selected={t === current} onSelect={onSelect} />
      ))}
    </div>
  );
});

const Cell = memo(function Cell({ t, kind, selected, onSelect }: { t: number; kind: '' | 'key' | 'evidence'; selected: boolean; onSelect(t: number): void }) {
  const label = `Step ${t + 1}${kind === 'key' ? ' — key decision step' : kind === 'evidence' ? ' — evidence' : ''}`;
  return (
    <button type="button" className={kind} aria-label={label} title={label} aria-current={selected ? 'step' : undefined} tabIndex={selected ? 0 : -1} data-testid={kind === 'key' ? 'key-step' : undefined} onClick={() => onSelect(t)}>
      {t + 1}
    </button>
  );
});
