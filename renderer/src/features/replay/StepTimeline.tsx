import type { EpisodeAnalysis } from '../../../../main/api/types';

/** One cell per step; the failure analyzer's key decision step and evidence steps are marked, so a person
 * sees where the episode went wrong before reading anything (docs/design/MIRA.md §1). */
export function StepTimeline({ count, current, analysis, onSelect }: { count: number; current: number; analysis: EpisodeAnalysis | null; onSelect(t: number): void }) {
  const evidence = new Set(analysis?.evidenceSteps ?? []);
  const key = analysis?.keyDecision?.t;
  return (
    <div className="timeline" role="group" aria-label="Timeline" data-testid="timeline">
      {Array.from({ length: count }, (_, t) => {
        const kind = t === key ? 'key' : evidence.has(t) ? 'evidence' : '';
        const label = `Step ${t + 1}${t === key ? ' — key decision step' : evidence.has(t) ? ' — evidence' : ''}`;
        return (
          <button key={t} type="button" className={kind} aria-label={label} title={label} aria-current={t === current ? 'step' : undefined} data-testid={kind === 'key' ? 'key-step' : undefined} onClick={() => onSelect(t)}>
            {t + 1}
          </button>
        );
      })}
    </div>
  );
}
