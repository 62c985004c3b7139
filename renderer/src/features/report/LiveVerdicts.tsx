import type { VerdictRecord } from '../../../../main/api/contract';

/** AutoRater verdicts of a running run as they are made, newest first, each under its episode's name. */
export function LiveVerdicts({ verdicts, nameOf }: { verdicts: VerdictRecord[]; nameOf(episodeId: string): string }) {
  return (
    <div className="live-verdicts" aria-label="Live verdicts" role="log" data-testid="live-verdicts">
      <h2>Verdicts</h2>
      {verdicts.length === 0 ? <p className="muted small">No verdict yet.</p> : (
        <ul className="verdict-list">
          {verdicts.map((v) => (
            <li key={`${v.episodeId}-${v.t}-${v.subgoalIndex}-${v.createdAt}`} className={v.done ? 'pass' : 'pending'} data-testid="live-verdict">
              <strong>{v.done ? '✓ done' : '… not yet'}</strong> subgoal {v.subgoalIndex + 1} after step {v.t + 1}
              <span className="muted"> · {v.judge} · <span title={`episode ${v.episodeId}`} data-testid="live-verdict-episode">{nameOf(v.episodeId)}</span></span>
              <div className="evidence">{v.evidence}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
