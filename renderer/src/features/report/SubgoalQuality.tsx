import type { RunSubgoalQuality } from '../../../../main/api/run-report';

const value = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** Whether completing the run's subgoals predicts success (docs/design/MIRA.md §2.3): each number with what it means
 * for this run, the sample it rests on, or why there is none. The words come with the report
 * (main/analysis/subgoal-quality-report.ts), so the page and `analyze` say the same. */
export function SubgoalQuality({ quality }: { quality: RunSubgoalQuality }) {
  return (
    <section className="panel" aria-labelledby="subgoal-quality-heading" data-testid="subgoal-quality">
      <h2 id="subgoal-quality-heading">Subgoals as a progress signal</h2>
      {quality.available ? (
        <>
          <p className="small" data-testid="subgoal-quality-sample">Does completing the subgoals predict success? Over {quality.sample}</p>
          <table className="grid">
            <thead>
              <tr><th scope="col">Measure</th><th scope="col">Value</th><th scope="col">What it says</th></tr>
            </thead>
            <tbody>
              {quality.stats.map((s) => (
                <tr key={s.key} data-testid="subgoal-stat" data-key={s.key}>
                  <th scope="row">{s.label}</th>
                  <td>{value(s.value)}</td>
                  <td className="wrap">{s.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small" data-testid="subgoal-quality-bins">
            Success by subgoals completed:{' '}
            {quality.byCompleted
              .filter((b) => b.total > 0)
              .map((b) => `${b.completed} of ${quality.K} done: ${b.successes}/${b.total} succeeded`)
              .join(' · ')}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="subgoal-quality-empty">Not available: {quality.reason}</p>
      )}
    </section>
  );
}
