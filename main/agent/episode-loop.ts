import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright';
import type { Action, EpisodeRecord, EvaluationResult, ForkProvenance, StepRecord, TaskRecord } from '../api/types';
import { ActionError } from '../actions/errors';
import { executeAction } from '../actions/executor';
import { grammarNamed } from '../actions/grammars';
import { observe, takeScreenshot } from '../browser/observe';
import type { Observation } from '../browser/observation-types';
import type { BrowserPool, SessionCookie } from '../browser/pool';
import type { BrowserSession } from '../browser/session';
import type { Store } from '../store';
import type { SubgoalMonitor, SubgoalVerdict } from '../subgoals/monitor';
import { presentObservation, type ObservationView } from './observation-view';
import { storeStepViews } from './step-views';
import { keepsScreenshotAt, takesScreenshotAt, type ScreenshotCapture } from './screenshot-capture';
import { takeLowFrame } from '../browser/scaled-frames';
import { infraFailureOf, isPageGone } from './infra-failure';
import { EpisodeAbandoned, settleOrAbandon, UNRESPONSIVE_AFTER_ABORT_MS } from './unresponsive-browser';
import { abortedEnding, abortedWhileWaiting, browserFailedAtTimeLimit, evaluationCutEnding, failureEnding, judgeOutageEnding, message, unresponsiveEnding, type Ending } from './episode-endings';
import { judgeMilestones } from './milestone-judging';
import { PolicyError, type HistoryEntry, type Policy, type PolicyDecision } from './policy';
import { policyErrorAnswer, StopRuleTracker, WEBARENA_STOP_RULES, type StopRules } from './stop-rules';

/** Where an episode runs: URL placeholders resolved, cookies for per-episode sandbox state, cleanup. */
export interface EpisodeEnvironment {
  resolveUrl(text: string): string;
  cookies: SessionCookie[];
  /** Cookies of a login step (WebArena's require_login), fetched before the context opens. */
  login?(): Promise<SessionCookie[]>;
  dispose(): Promise<void>;
  /** The viewport the episode's browser context opens with (MiniWoB++ sizes it to the task); 1280×720 if absent. */
  viewport?: { width: number; height: number };
  /** Runs once the start pages are open; may replace the intent (MiniWoB++ makes it per seed). */
  begin?(session: BrowserSession): Promise<{ intent?: string } | void>;
  /** Runs after every action but stop; true when the page says the episode is over (MiniWoB++'s done flag), or
   * why the environment ends it otherwise (MiniWoB++: the agent left the task page). */
  afterAction?(session: BrowserSession): Promise<boolean | { explanation: string }>;
  /** The task page holds the score at every moment (MiniWoB++'s reward globals): an episode cut off by its time
   * limit is scored from the page before the browser closes, not left unscored (docs/design/WEBARENA.md §5). */
  scoresAtTimeLimit?: boolean;
  /** The episode's site-state check, for `site_state` subgoal predicates (sandbox only). */
  checkState?(check: string, args: Record<string, unknown>): boolean;
}

export interface EvaluateContext {
  answer: string | null;
  finalUrl: string;
  page: Page;
  resolveUrl(text: string): string;
}

export interface EpisodeDeps {
  store: Store;
  pool: BrowserPool;
  evaluate(task: TaskRecord, ctx: EvaluateContext): Promise<EvaluationResult>;
  onStep?(step: StepRecord): void;
  onEpisode?(episode: EpisodeRecord): void;
  /** Milestone verdicts made after step t (the AutoRater's or the predicates'), as they are made. */
  onVerdicts?(episodeId: string, t: number, verdicts: SubgoalVerdict[]): void | Promise<void>;
}

export interface EpisodeRequest {
  task: TaskRecord;
  policy: Policy;
  environment: EpisodeEnvironment;
  runId?: string | null;
  seed?: number;
  stopRules?: StopRules;
  episodeId?: string;
  /** Aborting ends the episode at once (the scheduler's time limit or a cancel), recorded as such. */
  signal?: AbortSignal;
  /** Judges milestones after every action; its progress vector is stored with each step. */
  monitor?: SubgoalMonitor;
  /** A fork's provenance, stored with the episode (its policy replays the source's prefix first). */
  forkedFrom?: ForkProvenance;
  /** Which steps keep a screenshot (screenshot-capture.ts); 'all' by default. */
  capture?: ScreenshotCapture;
  /** How long after an abort a browser that does not respond is waited for (unresponsive-browser.ts). */
  unresponsiveAfterMs?: number;
}

/** The episode loop: observe → policy → parse → act → record, until a stop rule fires (docs/design/WEBARENA.md §4.5).
 * Each step is committed as soon as it is done, so a killed process keeps every completed step;
 * every ending, including browser crashes and policy errors, is recorded with its explanation. */
export async function runEpisode(deps: EpisodeDeps, request: EpisodeRequest): Promise<EpisodeRecord> {
  const { store, pool } = deps;
  const { task, policy, environment } = request;
  const episodeId = request.episodeId ?? randomUUID();
  await store.episodes.create({
    id: episodeId,
    runId: request.runId ?? null,
    taskId: task.id,
    policy: policy.name,
    seed: request.seed ?? 0,
    createdAt: new Date().toISOString(),
    forkedFrom: request.forkedFrom ?? null,
  });
  emitEpisode(deps, episodeId).catch(() => undefined);

  // Set by the episode's work below (a closure: typed wide so later reads are not narrowed to null).
  let session = null as BrowserSession | null;
  let ending: Ending;
  let timeLimitScore: Promise<EvaluationResult | null> | null = null;
  // An abort closes the context, which also unblocks a Playwright call that is waiting on a frozen page. Where
  // the page holds the score, a time limit reads it first (bounded, so a frozen page still gets closed).
  const onAbort = () => {
    const open = session;
    if (open && environment.scoresAtTimeLimit && request.signal?.reason === 'time_limit' && !open.crashed) {
      timeLimitScore = scoreBeforeClosing(deps, task, environment, open);
    } else void open?.close();
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  // Set when the browser did not let go after an abort and the episode is recorded without it: whatever of the
  // episode's work gets going again later records nothing more.
  let abandoned = false;
  const checkNotAbandoned = () => {
    if (abandoned) throw new EpisodeAbandoned();
  };
  const work = (async (): Promise<Ending> => {
    try {
      const loginCookies = environment.login ? await environment.login() : [];
      const opened = await pool.newSession({ viewport: environment.viewport, cookies: [...environment.cookies, ...loginCookies], signal: request.signal });
      if (abandoned) await opened.close();
      checkNotAbandoned();
      session = opened;
      await openStartPages(opened, environment.resolveUrl(task.startUrl));
      const begun = await environment.begin?.(opened);
      checkNotAbandoned();
      // An instruction the environment made (MiniWoB++: one per seed) is the episode's intent everywhere after:
      // prompts, the AutoRater, generated subgoals, the analyzer and the lists read it from the episode.
      if (begun?.intent) {
        await store.episodes.setInstruction(episodeId, begun.intent);
        emitEpisode(deps, episodeId).catch(() => undefined);
      }
      const stopped = await stepUntilStop(deps, request, episodeId, opened, begun?.intent ?? task.intent, checkNotAbandoned);
      if (request.capture === 'first-last' && !request.signal?.aborted && !opened.crashed) await keepClosingFrame(deps, episodeId, opened);
      return stopped;
    } catch (err) {
      return failureEnding(err, request.signal);
    }
  })();
  const settled = await settleOrAbandon(work, request.signal, request.unresponsiveAfterMs ?? UNRESPONSIVE_AFTER_ABORT_MS);
  if (settled) ending = settled;
  else {
    abandoned = true;
    ending = unresponsiveEnding(request.signal!, request.unresponsiveAfterMs ?? UNRESPONSIVE_AFTER_ABORT_MS);
    // Not handed back for reuse; closing it is bounded, and the pool drops the browser that did not answer.
    if (session) session.crashed ??= ending.explanation;
  }
  if (session?.crashed) ending = browserFailedAtTimeLimit(ending, session.crashed);
  // A cancel that lands after the last action still leaves the episode unscored: it ends as cancelled (an
  // ending that already is the time limit keeps its explanation).
  if (request.signal?.aborted && ending.status === 'finished' && ending.reason !== 'time_limit') ending = abortedEnding(request.signal);
  request.signal?.removeEventListener('abort', onAbort);

  let evaluation: EvaluationResult | null = null;
  let evalProblem = '';
  if (timeLimitScore && ending.reason === 'time_limit') {
    evaluation = await timeLimitScore;
    if (!evaluation) evalProblem = ' The task page could not be read before the browser closed, so the episode is not scored.';
  } else if (session && ending.status === 'finished' && !request.signal?.aborted) {
    try {
      evaluation = await deps.evaluate(task, {
        answer: ending.answer,
        finalUrl: session.page.url(),
        page: session.page,
        resolveUrl: environment.resolveUrl,
      });
    } catch (err) {
      if (request.signal?.aborted) ending = abortedEnding(request.signal);
      else if (session.crashed || isPageGone(err)) ending = evaluationCutEnding(ending, err);
      else {
        const outage = judgeOutageEnding(ending, err);
        if (outage) ending = outage;
        else evalProblem = ` Evaluation failed: ${message(err)}`;
      }
    }
  }
  if (timeLimitScore) await timeLimitScore; // it closes the session once the page is read
  await session?.close();
  await environment.dispose().catch(() => undefined);

  const verdict = evaluation ? (evaluation.success ? 'Succeeded' : 'Failed') : 'Not scored';
  await store.episodes.finish(episodeId, {
    status: ending.status,
    success: evaluation ? evaluation.success : null,
    score: evaluation ? evaluation.score : null,
    answer: ending.answer,
    stopReason: ending.reason,
    outcome: `${verdict}. ${ending.explanation}${evalProblem}`,
    evaluation,
  });
  return emitEpisode(deps, episodeId);
}

/** How long a time-limited episode's page may take to give its score before the browser is closed anyway. */
const TIME_LIMIT_SCORE_WAIT_MS = 10_000;

/** Reads the score of a time-limited episode from its page, then closes the browser; null if the page could not
 * be read in time (frozen, crashed). The agent's answer does not count: it never stopped. */
async function scoreBeforeClosing(deps: EpisodeDeps, task: TaskRecord, environment: EpisodeEnvironment, session: BrowserSession): Promise<EvaluationResult | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const evaluation = deps.evaluate(task, { answer: null, finalUrl: session.page.url(), page: session.page, resolveUrl: environment.resolveUrl });
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), TIME_LIMIT_SCORE_WAIT_MS)));
    return await Promise.race([evaluation, timeout]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    await session.close();
  }
}

async function openStartPages(session: BrowserSession, startUrl: string): Promise<void> {
  // WebArena joins several start tabs with " |AND| "; the first tab is active.
  const urls = startUrl.split(' |AND| ').map((u) => u.trim()).filter(Boolean);
  for (let i = 0; i < urls.length; i++) {
    const page = i === 0 ? session.page : await session.context.newPage();
    session.track(page);
    await page.goto(urls[i], { timeout: 30_000 });
  }
  session.active = 0;
}

async function stepUntilStop(
  deps: EpisodeDeps, request: EpisodeRequest, episodeId: string, session: BrowserSession, intent: string,
  /** Throws once the episode was recorded without its browser (see runEpisode): nothing more is stored. */
  checkNotAbandoned: () => void,
): Promise<Ending> {
  const rules = request.stopRules ?? WEBARENA_STOP_RULES;
  const tracker = new StopRuleTracker(rules, request.policy.grammar ?? 'webarena');
  const grammar = grammarNamed(request.policy.grammar ?? 'webarena');
  const history: HistoryEntry[] = [];
  let progress: number[] | null = request.monitor ? request.monitor.subgoals.map(() => 0) : null;
  for (let t = 0; ; t++) {
    if (request.signal?.aborted) return abortedEnding(request.signal);
    if (session.crashed) return { reason: 'browser_error', explanation: session.crashed, answer: null, status: 'error' };
    const observeStarted = performance.now();
    const capture = request.capture ?? 'all';
    // 'low' keeps a small frame, taken while the page is observed (both read the page before the action), so
    // Chromium renders it alongside the extraction instead of after it.
    const lowFrame = capture === 'low' ? takeLowFrame(session) : null;
    const observation = await observe(session, { screenshot: takesScreenshotAt(capture, t, request.policy.observationFormat) });
    // What the step stores: the screenshot only where the capture setting keeps one.
    const recorded = keepsScreenshotAt(capture, t) ? observation : { ...observation, screenshot: lowFrame ? await lowFrame : null };
    const view = presentObservation(observation, request.policy.observationFormat);
    const observeMs = performance.now() - observeStarted;

    const policyStarted = performance.now();
    let reply = '';
    let prompt: string | undefined;
    let critic: PolicyDecision['critic'];
    try {
      const decision = await request.policy.decide({ intent, t, observation, history, view, progress });
      reply = decision.reply;
      prompt = decision.prompt;
      critic = decision.critic;
    } catch (err) {
      // A cancel or time limit that cut the policy's call short is the abort, not a policy failure.
      if (request.signal?.aborted) return abortedWhileWaiting(request.signal, `the policy's reply at step ${t}`, performance.now() - policyStarted);
      const infra = infraFailureOf(err);
      const explanation = infra ? infra.message : err instanceof PolicyError ? err.message : `The policy failed: ${message(err)}`;
      checkNotAbandoned();
      await recordStep(deps, episodeId, t, recorded, { reply, actionText: '', action: null, error: explanation, targetBox: null, view },
        { observeMs, policyMs: performance.now() - policyStarted, actMs: 0 });
      if (infra) return { reason: infra.stopReason, explanation, answer: null, status: 'error' };
      const reason = err instanceof PolicyError ? err.stopReason : 'policy_error';
      // The reference harnesses score a failed policy's episode with the answer "ERROR: …" (§4.5).
      return { reason, explanation, answer: reason === 'policy_error' ? policyErrorAnswer(rules, message(err)) : null, status: 'finished' };
    }
    const policyMs = performance.now() - policyStarted;

    const actStarted = performance.now();
    let action: Action | null = null;
    let actionText = '';
    let error: string | null = null;
    let targetBox = null;
    try {
      action = grammar.parse(reply);
      actionText = grammar.render(action);
      action = view.toExecutable(action); // WebRL HTML ids → our stable ids (observation-view.ts)
      targetBox = (await executeAction(action, session)).targetBox;
    } catch (err) {
      if (!(err instanceof ActionError)) throw err;
      error = err.message;
      if (err.kind === 'parse') action = null;
    }
    const actMs = performance.now() - actStarted;

    // The step is stored before it is judged, so a judge that hangs or a process killed while it waits keeps the
    // step (with the progress it started from); the verdicts then advance the stored vector.
    const judgedFrom = request.monitor ? request.monitor.subgoals.map((_, k) => progress?.[k] ?? 0) : null;
    checkNotAbandoned();
    const step = await recordStep(deps, episodeId, t, recorded, { reply, prompt, actionText, action, error, targetBox, progress: judgedFrom, critic, view }, { observeMs, policyMs, actMs });
    if (request.monitor) {
      const judging = { monitor: request.monitor, episodeId, signal: request.signal, onVerdicts: deps.onVerdicts };
      progress = await judgeMilestones(judging, { t, session, observation, action, actionText, actionError: error, intent, checkState: request.environment.checkState }, judgedFrom!);
      if (progress.join() !== judgedFrom!.join()) {
        checkNotAbandoned();
        await deps.store.steps.setProgress(episodeId, t, progress);
        deps.onStep?.({ ...step, progress });
      }
    }
    history.push({ t, actionText: actionText || reply.slice(0, 200), error, url: observation.url });

    if (action?.type === 'stop') {
      return { reason: 'agent_stop', explanation: 'The agent stopped.', answer: action.text ?? '', status: 'finished' };
    }
    const over = await request.environment.afterAction?.(session);
    if (over) {
      return { reason: 'task_done', explanation: over === true ? 'The task page ended the episode.' : over.explanation, answer: null, status: 'finished' };
    }
    // Under a reference's rules the answer is its "Early stop: …" text, scored and stored (§4.5).
    const stop = tracker.record(t, { action, actionText, reply });
    if (stop) return { ...stop, status: 'finished' };
  }
}

interface StepOutcome {
  reply: string;
  prompt?: string;
  actionText: string;
  action: Action | null;
  error: string | null;
  targetBox: StepRecord['targetBox'];
  progress?: number[] | null;
  critic?: PolicyDecision['critic'];
  /** What the policy read, stored as the step's views (step-views.ts). */
  view?: ObservationView;
}

async function recordStep(
  deps: EpisodeDeps,
  episodeId: string,
  t: number,
  observation: Observation,
  outcome: StepOutcome,
  timings: { observeMs: number; policyMs: number; actMs: number },
): Promise<StepRecord> {
  const { blobs, steps } = deps.store;
  const storeStarted = performance.now();
  const [screenshotRef, observationRef, responseRef, promptRef, views, thumbnailRef] = await Promise.all([
    observation.screenshot ? blobs.put(observation.screenshot) : Promise.resolve(null),
    blobs.put(observation.text),
    blobs.put(outcome.reply),
    outcome.prompt ? blobs.put(outcome.prompt) : Promise.resolve(null),
    outcome.view ? storeStepViews(blobs, observation, outcome.view) : Promise.resolve(null),
    observation.thumbnail ? blobs.put(observation.thumbnail) : Promise.resolve(null),
  ]);
  const step: StepRecord = {
    episodeId,
    t,
    url: observation.url,
    observationRef,
    screenshotRef,
    ...(thumbnailRef ? { thumbnailRef } : {}),
    promptRef,
    responseRef,
    action: outcome.action,
    actionText: outcome.actionText,
    actionError: outcome.error,
    targetBox: outcome.targetBox,
    progress: outcome.progress ?? null,
    value: outcome.critic?.value ?? null,
    potential: outcome.critic?.potential ?? null,
    latencyMs: 0,
    timings: { ...timings, storeMs: 0 },
    views,
  };
  step.timings.storeMs = performance.now() - storeStarted;
  step.latencyMs = timings.observeMs + timings.policyMs + timings.actMs + step.timings.storeMs;
  await steps.insert(step);
  deps.onStep?.(step);
  return step;
}

/** 'first-last': the episode's last step gets the page as the episode ended (for a stop, the page the agent
 * saw when it stopped). Taken before evaluation, which may navigate. A frame that fails loses no result. */
async function keepClosingFrame(deps: EpisodeDeps, episodeId: string, session: BrowserSession): Promise<void> {
  try {
    const last = (await deps.store.steps.list(episodeId)).at(-1);
    if (!last || last.screenshotRef) return;
    const screenshotRef = await deps.store.blobs.put(await takeScreenshot(session));
    await deps.store.steps.setScreenshot(episodeId, last.t, screenshotRef);
    deps.onStep?.({ ...last, screenshotRef });
  } catch {
    // The steps and the outcome are what matter; the episode simply has no closing frame.
  }
}

async function emitEpisode(deps: EpisodeDeps, episodeId: string): Promise<EpisodeRecord> {
  const episode = await deps.store.episodes.get(episodeId);
  if (!episode) throw new Error(`Episode ${episodeId} vanished from the store.`);
  deps.onEpisode?.(episode);
  return episode;
}
