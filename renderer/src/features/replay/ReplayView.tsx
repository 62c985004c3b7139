import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { EpisodeReplay } from '../../../../main/api/replay-types';
import { useWorkbench } from '../../stores/workbench-store';
import { CompareWith } from './CompareWith';
import { Filmstrip } from './Filmstrip';
import { ForkButton, RunAgainButton } from './ForkDialog';
import { EpisodeNotes } from '../episodes/EpisodeNotes';
import { episodeInstruction, instructionTitle } from '../episodes/instruction';
import { ForkedFrom } from './ForkedFrom';
import { OutcomePanel } from './OutcomePanel';
import { useReplay } from './replay-store';
import { useLiveReplay } from './use-live-replay';
import { ScreenshotFrame } from './ScreenshotFrame';
import { StepDetails } from './StepDetails';
import { stepMarks } from './step-outline';
import { StepTabs } from './StepTabs';
import { StepTimeline } from './StepTimeline';
import { useStepKeys } from './use-step-keys';
import { useLetterShortcuts } from './use-letter-shortcuts';
import { doneAt, milestoneNames, nextStop, verdictsAtFrame, verdictsByStep, verdictStops } from './milestones';
import { SubgoalLane } from './SubgoalLane';
import { ValueChart } from './ValueChart';
import { VerdictPanel } from './VerdictPanel';
import { verdictCaption } from './verdict-caption';

/** Frame-by-frame replay of one episode: buttons and ←/→/Home/End step through; the step is in the URL.
 * Laid out like Playwright's trace viewer: stepper, filmstrip, screenshot, action and milestones share one
 * screen (1440×900 without scrolling); the lane, outcome and raw texts follow below. The episode opens with an
 * outline of every step; full step records come in windows around the step shown (replay-store.ts), and what
 * does not change with the step is memoised, so a key press repaints the frame and the step's panels only
 * (issue 22). */
export function ReplayView({ episodeId, step }: { episodeId: string; step: number }) {
  const open = useReplay((s) => (s.open?.episode.id === episodeId ? s.open : null));
  const error = useReplay((s) => s.error);
  const stepsError = useReplay((s) => s.stepsError);
  const load = useReplay((s) => s.load);
  const ensureSteps = useReplay((s) => s.ensureSteps);
  const navigate = useWorkbench((s) => s.navigate);

  useEffect(() => {
    void load(episodeId, step);
  }, [episodeId, load]); // eslint-disable-line react-hooks/exhaustive-deps -- the step only picks the first window

  const marks = useMemo(() => (open ? stepMarks(open.outline) : []), [open]);
  const count = marks.length;
  const index = Math.min(Math.max(step, 0), Math.max(count - 1, 0));
  const frames = useReplay((s) => s.steps);
  const current = frames[index];
  const previous = index > 0 ? frames[index - 1] : null;
  const next = frames[index + 1];
  // The windows around the step shown, so the next key presses (and their neighbours' frames) find their records.
  useEffect(() => ensureSteps(index - 2, index + 4), [open, index, ensureSteps]);
  useLiveReplay(episodeId, open?.episode.status === 'running', index);

  const go = useCallback(
    (delta: number | 'first' | 'last') => {
      if (count === 0) return;
      const target = delta === 'first' ? 0 : delta === 'last' ? count - 1 : Math.min(Math.max(index + delta, 0), count - 1);
      if (target !== index) navigate({ view: 'replay', episodeId, step: target }, true);
    },
    [count, index, episodeId, navigate],
  );
  const lane = useMemo(() => {
    if (!open) return null;
    const names = milestoneNames(open.subgoals, marks);
    return { names, done: doneAt(marks, names.length), byStep: verdictsByStep(open.verdicts), stops: verdictStops(marks, open.verdicts) };
  }, [open, marks]);
  const jump = useCallback(
    (direction: 1 | -1) => {
      const target = lane ? nextStop(lane.stops, index, direction) : null;
      if (target !== null) navigate({ view: 'replay', episodeId, step: target }, true);
    },
    [lane, index, episodeId, navigate],
  );
  const [letterKeys, setLetterKeys] = useLetterShortcuts();
  useStepKeys(go, letterKeys ? jump : undefined);
  const select = useCallback((t: number) => navigate({ view: 'replay', episodeId, step: t }, true), [episodeId, navigate]);
  const neighbours = useMemo(() => [previous, next].filter((s) => !!s), [previous, next]);
  // Frames held decoded beside the one shown: both neighbours and, once a person steps, one more in the
  // direction of stepping, so a key pressed again before the newly needed frame has loaded still finds its
  // pixels. Opening loads only the neighbours (issue 22: bytes per open).
  const stepping = useRef({ episodeId, index, direction: 0 });
  if (stepping.current.episodeId !== episodeId) stepping.current = { episodeId, index, direction: 0 };
  else if (stepping.current.index !== index) stepping.current = { episodeId, index, direction: Math.sign(index - stepping.current.index) };
  const direction = stepping.current.direction;
  const ahead = direction !== 0 ? frames[index + 2 * direction] : undefined;
  const frameNeighbours = useMemo(() => [previous, next, ahead].filter((s) => !!s), [previous, next, ahead]);

  if (error && !open) return <p role="alert" className="error">Could not open the episode: {error}</p>;
  if (!open) return <p className="muted">Loading episode…</p>;
  return (
    <section className="replay one-screen" aria-labelledby="replay-heading">
      <ReplayHeader open={open} />
      {count === 0 ? (
        <p className="muted" data-testid="no-steps">
          {open.episode.status === 'running' ? 'No step recorded yet: steps appear here as the episode runs.' : 'This episode has no recorded steps.'}
        </p>
      ) : (
        <>
          <div className="stepper" role="group" aria-label="Step controls">
            <button type="button" onClick={() => go('first')} disabled={index === 0} aria-keyshortcuts="Home">First</button>
            <button type="button" onClick={() => go(-1)} disabled={index === 0} aria-keyshortcuts="ArrowLeft">Previous</button>
            <span className="step-counter" data-testid="step-counter">Step {index + 1} / {count}</span>
            {/* Each step announced with its action, so a screen reader user stepping by key hears what each step did. */}
            <span className="sr-only" aria-live="polite" aria-atomic="true" data-testid="step-announcement">
              {`Step ${index + 1} of ${count}: ${marks[index].actionText || 'no action'}${marks[index].failed ? ' (the action failed)' : ''}`}
            </span>
            <button type="button" onClick={() => go(1)} disabled={index === count - 1} aria-keyshortcuts="ArrowRight">Next</button>
            <button type="button" onClick={() => go('last')} disabled={index === count - 1} aria-keyshortcuts="End">Last</button>
            <button type="button" onClick={() => jump(-1)} disabled={!lane || nextStop(lane.stops, index, -1) === null} aria-label="Previous verdict (K)" aria-keyshortcuts={letterKeys ? 'K' : undefined}>◀ verdict</button>
            <button type="button" onClick={() => jump(1)} disabled={!lane || nextStop(lane.stops, index, 1) === null} aria-label="Next verdict (J)" aria-keyshortcuts={letterKeys ? 'J' : undefined}>verdict ▶</button>
            <ForkButton episodeId={episodeId} taskId={open.task.id} t={index} />
            <RunAgainButton taskId={open.task.id} seed={open.episode.seed} />
            <span className="muted small" title={`← → to step, Home / End to jump${letterKeys ? ', J / K to the next / previous milestone verdict' : ''}`}>← → Home End{letterKeys ? ' J K' : ''}</span>
            <label className="check small"><input type="checkbox" checked={letterKeys} onChange={(e) => setLetterKeys(e.target.checked)} /> Letter shortcuts (J / K)</label>
          </div>
          <Filmstrip marks={marks} frames={frames} current={index} onSelect={select} onVisible={ensureSteps} prefixSteps={open.episode.forkedFrom?.step ?? 0} />
          <div className="replay-body">
            <div className="replay-main">
              <p className="url" data-testid="step-url" title="Page URL at this step">{current?.url ?? ' '}</p>
              {current ? <ScreenshotFrame step={current} neighbours={frameNeighbours} />
                : stepsError ? <p role="alert" className="error">Could not load step {index + 1}: {stepsError}</p>
                : <div className="frame empty pending" data-testid="frame-pending">Loading step {index + 1}…</div>}
            </div>
            <aside className="replay-side">
              {current && <StepDetails step={current} />}
              {lane && lane.names.length > 0 && (
                <VerdictPanel
                  verdicts={verdictsAtFrame(marks, lane.byStep, index)}
                  names={lane.names}
                  plans={open.plans}
                  progress={index === count - 1 ? marks[index].progress : marks[index - 1]?.progress ?? null}
                  caption={verdictCaption(index, count)}
                />
              )}
            </aside>
          </div>
          <StepTimeline count={count} current={index} analysis={open.episode.analysis} onSelect={select} />
          {lane && <SubgoalLane names={lane.names} done={lane.done} verdicts={lane.byStep} count={count} current={index} onSelect={select} set={open.subgoals} plans={open.plans} />}
          <ValueChart steps={marks} current={index} episodeId={episodeId} />
        </>
      )}
      <EpisodePanels open={open} />
      {count > 0 && <StepTabs step={current} previous={previous} neighbours={neighbours} />}
    </section>
  );
}

/** The episode's title line and fork provenance: the same for every step. */
const ReplayHeader = memo(function ReplayHeader({ open }: { open: EpisodeReplay }) {
  const navigate = useWorkbench((s) => s.navigate);
  return (
    <>
      <div className="replay-header">
        <button type="button" onClick={() => navigate({ view: 'episodes' })}>← Episodes</button>
        <h1 id="replay-heading" title={instructionTitle(open.episode, open.task)}>{episodeInstruction(open.episode, open.task)}</h1>
        <span className="muted small replay-meta">
          {open.task.id} · policy {open.episode.policy} · episode {open.episode.id}
        </span>
      </div>
      {open.episode.forkedFrom && <ForkedFrom from={open.episode.forkedFrom} />}
    </>
  );
});

/** Comparison, outcome and notes: the same for every step. */
const EpisodePanels = memo(function EpisodePanels({ open }: { open: EpisodeReplay }) {
  return (
    <>
      <CompareWith episodeId={open.episode.id} taskId={open.task.id} />
      <OutcomePanel episode={open.episode} />
      <EpisodeNotes episodeId={open.episode.id} annotation={open.annotation} />
    </>
  );
});
