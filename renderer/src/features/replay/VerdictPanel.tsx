import type { VerdictRecord } from '../../../../main/api/contract';
import type { SubgoalPlanPeriod } from '../../../../main/api/inference-types';
import { judgedText } from './milestones';

/** The AutoRater verdicts on the page this frame shows (made after the previous step's action; see
 * verdictsAtFrame), each with the milestone it judged (the plan of its step: a later re-plan may have rewritten
 * it), judge and evidence. */
export function VerdictPanel({ verdicts, names, plans = [], progress, caption }: { verdicts: VerdictRecord[]; names: string[]; plans?: SubgoalPlanPeriod[]; progress: number[] | null; caption?: string }) {
  return (
    <section className="panel" aria-label="Verdicts" data-testid="verdicts">
      <h2>Milestones</h2>
      {caption && <p className="small muted" data-testid="verdicts-caption">{caption}</p>}
      {progress && (
        <p className="small" data-testid="progress-vector" aria-label="Progress vector">
          progress [{progress.join(', ')}] · {progress.filter((p) => p >= 1).length}/{progress.length} done
        </p>
      )}
      {verdicts.length === 0 ? (
        <p className="muted small">No verdict at this step.</p>
      ) : (
        <ul className="verdict-list">
          {verdicts.map((v) => (
            <li key={`${v.subgoalIndex}-${v.createdAt}`} className={v.done ? 'pass' : 'pending'} data-testid="verdict">
              <strong>{v.done ? '✓ done' : '… not yet'}</strong> — {v.subgoalIndex + 1}. {judgedText(plans, v) ?? names[v.subgoalIndex] ?? `subgoal ${v.subgoalIndex + 1}`}
              <span className="muted"> ({v.judge}{v.model ? ` · ${v.model}` : ''} · {v.latencyMs.toFixed(0)} ms)</span>
              <div className="evidence" data-testid="verdict-evidence">{v.evidence}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
