// The one place that picks and runs the scorer of a task (issue 19): runs, forks, training rollouts and the
// benchmarks all score an episode through here, so a task is judged the same way whoever ran it.
// docs/design/WEBARENA.md §2 (the evaluator and its profiles), §5 (MiniWoB++ rewards).
import type { EvaluationResult, TaskRecord } from '../api/types';
import { evaluateEpisode } from './evaluate';
import type { FuzzyJudge } from './fuzzy';
import { evaluateMiniWob, type MiniWobSuccessRule } from './miniwob-reward';
import type { PageLike } from './page-like';
import { defaultProfileFor, type ProfileName } from './profiles';

/** How a task is scored: the page's MiniWoB++ reward under a success rule, or the WebArena evaluator under a
 * profile (settleMs: the wait after each program_html navigation; undefined keeps the evaluator's default). */
export type ScoringPlan =
  | { scorer: 'miniwob'; rule: MiniWobSuccessRule }
  | { scorer: 'webarena'; profile: ProfileName; settleMs?: number };

/** What a scorer reads of the finished episode. */
export interface ScoreContext {
  answer: string | null;
  finalUrl: string;
  page: PageLike;
  resolveUrl(text: string): string;
  /** The LLM judge for fuzzy_match and the N/A rule (e.g. llmFuzzyJudge, main/llm/fuzzy-judge.ts); without one
   * those checks score 0, saying a judge is required (docs/design/WEBARENA.md §6). */
  judge?: FuzzyJudge;
}

/** The scoring plan of a task. Sandbox tasks use the original WebArena rules and no settle wait (the sandbox
 * renders on the server); imported WebArena tasks their own default profile (vab-lite for WebArena-Lite);
 * MiniWoB++ tasks the page's reward under the run's success rule. */
export function scoringPlanFor(task: Pick<TaskRecord, 'source' | 'config'>, miniwobSuccess: MiniWobSuccessRule): ScoringPlan {
  switch (task.source) {
    case 'miniwob':
      return { scorer: 'miniwob', rule: miniwobSuccess };
    case 'sandbox':
      return { scorer: 'webarena', profile: 'webarena', settleMs: 0 };
    default:
      return { scorer: 'webarena', profile: defaultProfileFor(task.config) };
  }
}

/** Scores one finished episode of `task` by its plan. */
export function scoreTask(task: Pick<TaskRecord, 'source' | 'config'>, ctx: ScoreContext, miniwobSuccess: MiniWobSuccessRule): Promise<EvaluationResult> {
  const plan = scoringPlanFor(task, miniwobSuccess);
  if (plan.scorer === 'miniwob') return evaluateMiniWob(ctx.page, plan.rule);
  return evaluateEpisode(task.config, {
    answer: ctx.answer,
    finalUrl: ctx.finalUrl,
    page: ctx.page,
    placeholders: ctx.resolveUrl,
    profile: plan.profile,
    ...(ctx.judge ? { llm: ctx.judge } : {}),
    ...(plan.settleMs !== undefined ? { settleMs: plan.settleMs } : {}),
  });
}
