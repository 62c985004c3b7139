import type { EpisodeRecord } from '../../../../main/api/types';
import { OutcomeBadge } from '../../components/Outcome';
import { stopReasonLabel } from '../runs/stop-reason-label';

/** How the episode ended and why it was scored as it was: every evaluator check with what was compared. */
export function OutcomePanel({ episode }: { episode: EpisodeRecord }) {
  return (
    <section className="panel" aria-label="Outcome" data-testid="outcome">
      <h2>Outcome</h2>
      <p>
        <OutcomeBadge episode={episode} /> score {episode.score ?? '—'} · ended: <span data-testid="stop-reason" title={episode.stopReason ?? undefined}>{stopReasonLabel(episode.stopReason)}</span>
        {episode.answer !== null && <> · answer: <q>{episode.answer}</q></>}
      </p>
      {episode.outcome && <p className="small">{episode.outcome}</p>}
      {episode.analysis && (
        <div className="analysis" data-testid="analysis">
          <p className="small">
            <strong>Failure: {episode.analysis.category.replace(/_/g, ' ')}</strong> ({episode.analysis.rule}) — {episode.analysis.explanation}
          </p>
          {episode.analysis.summary && <p className="small" data-testid="summary">{episode.analysis.summary}</p>}
          {episode.analysis.keyDecision && (
            <p className="small">
              Key decision step {episode.analysis.keyDecision.t + 1} ({episode.analysis.keyDecision.type.replace('_', ' ')}): {episode.analysis.keyDecision.explanation}
            </p>
          )}
        </div>
      )}
      {episode.evaluation && (
        <details open={!episode.success}>
          <summary className="small">Evaluator checks ({episode.evaluation.checks.filter((c) => c.passed).length}/{episode.evaluation.checks.length} passed, profile {episode.evaluation.profile})</summary>
        <ul className="checks">
          {episode.evaluation.checks.map((check, i) => (
            <li key={i} className={check.passed ? 'pass' : 'fail'}>
              <strong>{check.passed ? '✓' : '✗'} {check.kind}</strong> ({check.rule}) — expected <code>{check.expected}</code>, got <code>{check.actual}</code>
              {check.note && <span className="muted"> · {check.note}</span>}
            </li>
          ))}
        </ul>
        </details>
      )}
    </section>
  );
}
