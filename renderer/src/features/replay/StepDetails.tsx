import { memo } from 'react';
import type { ReplayStep } from '../../../../main/api/replay-types';
import { describeAction } from './action-label';

/** What the agent did at this step: the action naming its element (role and name from this step's
 * observation), the text as the policy wrote it, any error, the parsed record and timings. */
export const StepDetails = memo(function StepDetails({ step }: { step: ReplayStep }) {
  const label = describeAction(step.actionText, step.action, step.actedElement);
  return (
    <section className="panel" aria-label="Action">
      <h2>Action</h2>
      <p className="action-label" data-testid="action-label">{label || <span className="muted">(no action)</span>}</p>
      <p className="small muted">as written: <span className="action-text" data-testid="action-text">{step.actionText}</span></p>
      {step.actionError && (
        <p className="action-error" role="alert" data-testid="action-error">
          {step.actionError}
        </p>
      )}
      {step.action && (
        <details>
          <summary className="small muted">parsed action</summary>
          <pre className="json">{JSON.stringify(step.action, null, 1)}</pre>
        </details>
      )}
      <p className="muted small">
        observe {step.timings.observeMs.toFixed(0)} ms · policy {step.timings.policyMs.toFixed(0)} ms · act {step.timings.actMs.toFixed(0)} ms · store{' '}
        {step.timings.storeMs.toFixed(0)} ms
      </p>
    </section>
  );
});
