import type { StepRecord } from '../../../../main/api/types';

/** What the agent did at this step: the action as written, the parsed record, any error, and timings. */
export function StepDetails({ step }: { step: StepRecord }) {
  return (
    <section className="panel" aria-label="Action">
      <h2>Action</h2>
      <p className="action-text" data-testid="action-text">{step.actionText || <span className="muted">(no action)</span>}</p>
      {step.actionError && (
        <p className="action-error" role="alert" data-testid="action-error">
          {step.actionError}
        </p>
      )}
      {step.action && <pre className="json">{JSON.stringify(step.action, null, 1)}</pre>}
      <p className="muted small">
        observe {step.timings.observeMs.toFixed(0)} ms · policy {step.timings.policyMs.toFixed(0)} ms · act {step.timings.actMs.toFixed(0)} ms · store{' '}
        {step.timings.storeMs.toFixed(0)} ms
      </p>
    </section>
  );
}
