// One run's report (docs/design/MIRA.md §1, §5): per-episode failure analysis with key decision steps, success rates
// overall and per site, the failure-mode distribution, pass@k over tasks, and — when the policy kept
// subgoals — the subgoal-completion heatmap and how well completion predicts the outcome. Pure: the caller loads
// episodes from the store.

import type { RunReport } from '../api/run-report';
import type { EpisodeAnalysis } from '../api/types';
import { classifyFailure, type FailureSettings } from './failure-modes';
import { findKeyDecisionStep } from './key-decision';
import { failureModeDistribution, subgoalHeatmap, successRates } from './metrics';
import { meanPassAtK } from './pass-at-k';
import { runSubgoalEpisodes } from './run-subgoals';
import { runSubgoalQuality } from './subgoal-quality-report';
import type { AnalyzedEpisode } from './trajectory';

export interface ReportEpisode {
  id: string;
  episode: AnalyzedEpisode;
}


export type { RunReport };

export const PASS_AT_K = [1, 2, 4, 8] as const;

/** Analyses every failed episode against the successful ones of the same task instance (from this run or
 * `references`): the same task and, where episodes draw their own instruction per seed, the same instruction. */
export function analyzeFailure(
  failed: AnalyzedEpisode,
  references: readonly AnalyzedEpisode[],
  settings: Partial<FailureSettings> = {},
  now = new Date(),
): EpisodeAnalysis {
  const verdict = classifyFailure(failed, settings);
  const sameTask = references.filter((r) => r.success && r.taskId === failed.taskId && r.instruction === failed.instruction);
  const key = findKeyDecisionStep(failed, sameTask);
  return {
    category: verdict.category,
    rule: verdict.rule,
    evidenceSteps: verdict.evidenceSteps,
    explanation: verdict.explanation,
    keyDecision: key ? { t: key.t, type: key.type, explanation: key.explanation } : null,
    references: sameTask.length,
    analyzedAt: now.toISOString(),
  };
}

export function buildRunReport(items: readonly ReportEpisode[], references: readonly AnalyzedEpisode[] = [], now = new Date()): RunReport {
  if (items.length === 0) throw new Error('buildRunReport: the run has no scored episodes.');
  const all = items.map((i) => i.episode);
  const refs = [...references, ...all.filter((e) => e.success)];
  const analyses: Record<string, EpisodeAnalysis> = {};
  for (const item of items) if (!item.episode.success) analyses[item.id] = analyzeFailure(item.episode, refs, {}, now);

  const categories = Object.values(analyses).map((a) => a.category);
  const perTask = new Map<string, { n: number; c: number }>();
  for (const e of all) {
    const row = perTask.get(e.taskId) ?? { n: 0, c: 0 };
    row.n++;
    if (e.success) row.c++;
    perTask.set(e.taskId, row);
  }
  const tasks = [...perTask.values()];
  const minSamples = Math.min(...tasks.map((t) => t.n));
  const keyDecisions = { semantic_deviation: 0, loop_onset: 0, value_drop: 0, none: 0 };
  for (const a of Object.values(analyses)) keyDecisions[a.keyDecision?.type ?? 'none']++;

  // A scored episode that took no step counts as having reached no subgoal (run-subgoals.ts), rather than
  // hiding the run's heatmap.
  const subgoals = runSubgoalEpisodes(all);
  const heatmap: RunReport['heatmap'] = subgoals.ok ? { K: subgoals.K, maxT: subgoals.maxT, cells: subgoalHeatmap(subgoals.episodes, subgoals.K, subgoals.maxT) } : null;
  return {
    episodes: all.length,
    success: successRates(all),
    failureModes: categories.length ? failureModeDistribution(categories) : null,
    passAtK: PASS_AT_K.filter((k) => k <= minSamples).map((k) => ({ k, value: meanPassAtK(tasks, k), tasks: tasks.length })),
    keyDecisions,
    heatmap,
    subgoalQuality: runSubgoalQuality(subgoals),
    analyses,
  };
}
