import { useCallback, useEffect, useMemo } from 'react';
import { useWorkbench } from '../../stores/workbench-store';
import { CompareWith } from './CompareWith';
import { Filmstrip } from './Filmstrip';
import { ForkButton, RunAgainButton } from './ForkDialog';
import { EpisodeNotes } from '../episodes/EpisodeNotes';
import { episodeInstruction, instructionTitle } from '../episodes/instruction';
import { ForkedFrom } from './ForkedFrom';
import { OutcomePanel } from './OutcomePanel';
import { ScreenshotFrame } from './ScreenshotFrame';
import { StepDetails } from './StepDetails';
import { StepTabs } from './StepTabs';
import { StepTimeline } from './StepTimeline';
import { useStepKeys } from './use-step-keys';
import { doneAt, milestoneNames, nextStop, verdictsAtFrame, verdictsByStep, verdictStops } from './milestones';
import { SubgoalLane } from './SubgoalLane';
import { ValueChart } from './ValueChart';
import { VerdictPanel } from './VerdictPanel';

/** Frame-by-frame replay of one episode: buttons and ←/→/Home/End step through; the step is in the URL.
 * Laid out like Playwright's trace viewer: stepper, filmstrip, screenshot, action and milestones share one
 * screen (1440×900 without scrolling); the lane, outcome and raw texts follow below. */
export function ReplayView({ episodeId, step }: { episodeId: string; step: number }) {
  const detail = useWorkbench((s) => (s.detail?.episode.id === episodeId ? s.detail : null));
  const error = useWorkbench((s) => s.detailError);
  const loadEpisode = useWorkbench((s) => s.loadEpisode);
  const navigate = useWorkbench((s) => s.navigate);

  useEffect(() => {
    void loadEpisode(episodeId);
  }, [episodeId, loadEpisode]);

  const count = detail?.steps.length ?? 0;
  const index = Math.min(Math.max(step, 0), Math.max(count - 1, 0));
  const go = useCallback(
    (delta: number | 'first' | 'last') => {
      if (count === 0) return;
      const target = delta === 'first' ? 0 : delta === 'last' ? count - 1 : Math.min(Math.max(index + delta, 0), count - 1);
      if (target !== index) navigate({ view: 'replay', episodeId, step: target }, true);
    },
    [count, index, episodeId, navigate],
  );
  const lane = useMemo(() => {
    if (!detail) return null;
    const names = milestoneNames(detail.subgoals, detail.steps);
    return { names, done: doneAt(detail.steps, names.length), byStep: verdictsByStep(detail.verdicts), stops: verdictStops(detail.steps, detail.verdicts) };
  }, [detail]);
  const jump = useCallback(
    (direction: 1 | -1) => {
      const target = lane ? nextStop(lane.stops, index, direction) : null;
      if (target !== null) navigate({ view: 'replay', episodeId, step: target }, true);
    },
    [lane, index, episodeId, navigate],
  );
  useStepKeys(go, jump);
  const select = (t: number) => navigate({ view: 'replay', episodeId, step: t }, true);

  const current = detail?.steps[index];
  const neighbours = useMemo(() => (detail ? [detail.steps[index - 1], detail.steps[index + 1]].filter(Boolean) : []), [detail, index]);

  if (error && !detail) return <p role="alert" className="error">Could not open the episode: {error}</p>;
  if (!detail) return <p className="muted">Loading episode…</p>;
  return (
    <section className="replay one-screen" aria-labelledby="replay-heading">
      <div className="replay-header">
        <button type="button" onClick={() => navigate({ view: 'episodes' })}>← Episodes</button>
        <h1 id="replay-heading" title={instructionTitle(detail.episode, detail.task)}>{episodeInstruction(detail.episode, detail.task)}</h1>
        <span className="muted small replay-meta">
          {detail.task.id} · policy {detail.episode.policy} · episode {detail.episode.id}
        </span>
      </div>
      {detail.episode.forkedFrom && <ForkedFrom from={detail.episode.forkedFrom} />}
      {count === 0 ? (
        <p className="muted">This episode has no recorded steps.</p>
      ) : (
        <>
          <div className="stepper" role="group" aria-label="Step controls">
            <button type="button" onClick={() => go('first')} disabled={index === 0} >First</button>
            <button type="button" onClick={() => go(-1)} disabled={index === 0}>Previous</button>
            <span className="step-counter" data-testid="step-counter" aria-live="polite">Step {index + 1} / {count}</span>
            <button type="button" onClick={() => go(1)} disabled={index === count - 1}>Next</button>
            <button type="button" onClick={() => go('last')} disabled={index === count - 1} >Last</button>
            <button type="button" onClick={() => jump(-1)} disabled={!lane || nextStop(lane.stops, index, -1) === null} aria-label="Previous verdict (K)">◀ verdict</button>
            <button type="button" onClick={() => jump(1)} disabled={!lane || nextStop(lane.stops, index, 1) === null} aria-label="Next verdict (J)">verdict ▶</button>
            <ForkButton episodeId={episodeId} taskId={detail.task.id} t={index} />
            <RunAgainButton taskId={detail.task.id} seed={detail.episode.seed} />
            <span className="muted small" title="← → to step, Home / End to jump, J / K to the next / previous milestone verdict">← → Home End J K</span>
          </div>
          <Filmstrip steps={detail.steps} current={index} onSelect={select} prefixSteps={detail.episode.forkedFrom?.step ?? 0} />
          {current && (
            <div className="replay-body">
              <div className="replay-main">
                <p className="url" data-testid="step-url" title="Page URL at this step">{current.url}</p>
                <ScreenshotFrame step={current} neighbours={neighbours} />
              </div>
              <aside className="replay-side">
                <StepDetails step={current} />
                {lane && lane.names.length > 0 && (
                  <VerdictPanel
                    verdicts={verdictsAtFrame(detail.steps, lane.byStep, index)}
                    names={lane.names}
                    progress={index === count - 1 ? current.progress : detail.steps[index - 1]?.progress ?? null}
                    caption={index === 0 ? 'The page before the first action: nothing judged yet.' : `Judged on this page, after step ${index}'s action${index === count - 1 ? ' (and after this last action)' : ''}.`}
                  />
                )}
              </aside>
            </div>
          )}
          <StepTimeline count={count} current={index} analysis={detail.episode.analysis} onSelect={select} />
          {lane && <SubgoalLane names={lane.names} done={lane.done} verdicts={lane.byStep} count={count} current={index} onSelect={select} set={detail.subgoals} />}
          <ValueChart steps={detail.steps} current={index} episodeId={episodeId} />
        </>
      )}
      <CompareWith episodeId={episodeId} taskId={detail.task.id} />
      <OutcomePanel episode={detail.episode} />
      <EpisodeNotes episodeId={episodeId} annotation={detail.annotation} />
      {current && <StepTabs step={current} previous={detail.steps[index - 1]} />}
    </section>
  );
}
