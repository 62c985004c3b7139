import { useCallback, useEffect, useState } from 'react';
import type { EpisodeDetail } from '../../../../main/api/contract';
import type { StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { OutcomeBadge } from '../../components/Outcome';
import { useWorkbench } from '../../stores/workbench-store';
import { ScreenshotFrame } from '../replay/ScreenshotFrame';
import { useStepKeys } from '../replay/use-step-keys';
import { firstDivergence } from './divergence';
import { episodeInstruction, instructionTitle } from '../episodes/instruction';

/** Two episodes of the same task side by side, aligned by step, with the first divergence marked. */
export function CompareView({ left, right, step }: { left: string; right: string; step: number }) {
  const [details, setDetails] = useState<[EpisodeDetail, EpisodeDetail] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const navigate = useWorkbench((s) => s.navigate);

  useEffect(() => {
    const client = getClient();
    let live = true;
    // Another pair: the last pair's episodes (or its error) no longer hold, nor does a reply that comes late.
    setDetails(null);
    setError(null);
    Promise.all([client.getEpisode(left), client.getEpisode(right)]).then((pair) => live && setDetails(pair), (err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [left, right]);

  const length = details ? Math.max(details[0].steps.length, details[1].steps.length) : 0;
  const index = Math.min(Math.max(step, 0), Math.max(length - 1, 0));
  const go = useCallback(
    (delta: number | 'first' | 'last') => {
      if (length === 0) return;
      const target = delta === 'first' ? 0 : delta === 'last' ? length - 1 : Math.min(Math.max(index + delta, 0), length - 1);
      navigate({ view: 'compare', left, right, step: target }, true);
    },
    [index, left, length, navigate, right],
  );
  useStepKeys(go);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!details) return <p className="muted">Loading episodes…</p>;
  const divergence = firstDivergence(details[0].steps, details[1].steps);
  return (
    <section aria-labelledby="compare-heading">
      <h1 id="compare-heading" title={instructionTitle(details[0].episode, details[0].task)}>Compare: {episodeInstruction(details[0].episode, details[0].task)}</h1>
      <p className="divergence" data-testid="divergence">
        {divergence === null ? 'The two episodes took the same steps.' : (
          <>First divergence at step {divergence + 1}{' '}
            <button type="button" onClick={() => navigate({ view: 'compare', left, right, step: divergence }, true)}>Go to it</button></>
        )}
      </p>
      <div className="stepper" role="group" aria-label="Step controls">
        <button type="button" onClick={() => go(-1)} disabled={index === 0}>Previous</button>
        <span className="step-counter" data-testid="compare-counter">Step {index + 1} / {length}</span>
        <button type="button" onClick={() => go(1)} disabled={index === length - 1}>Next</button>
        {index === divergence && <span className="badge fail" data-testid="at-divergence">diverges here</span>}
      </div>
      <div className="compare">
        {details.map((d, side) => (
          <Side key={d.episode.id} detail={d} step={d.steps[index]} label={side === 0 ? 'Left' : 'Right'} />
        ))}
      </div>
    </section>
  );
}

function Side({ detail, step, label }: { detail: EpisodeDetail; step: StepRecord | undefined; label: string }) {
  return (
    <div className="compare-side" aria-label={`${label} episode`} data-testid="compare-side">
      <p className="small">
        <OutcomeBadge episode={detail.episode} /> policy {detail.episode.policy} · {detail.steps.length} steps
      </p>
      <p className="small muted" data-testid="compare-instruction">{episodeInstruction(detail.episode, detail.task)}</p>
      {step ? (
        <>
          <p className="action-text">{step.actionText || '(no action)'}</p>
          <p className="url">{step.url}</p>
          <ScreenshotFrame step={step} neighbours={[]} />
        </>
      ) : (
        <p className="muted">This episode had ended by this step.</p>
      )}
    </div>
  );
}
