// Public surface of the failure analyzer and metrics (docs/design/MIRA.md §1, §2, §5). Pure functions over plain episode
// records; the store, the LLM summary and the UI live elsewhere.

export {
  actionKey,
  actionLabel,
  assertAnalyzedEpisode,
  countsTowardSuccessRate,
  toAnalyzedEpisode,
  urlPath,
  type AnalyzedEpisode,
  type AnalyzedStep,
} from './trajectory';
export { firstLoop, trailingCycle, trailingIdenticalRun, type LoopSpan } from './loops';
export {
  DEFAULT_FAILURE_SETTINGS,
  FAILURE_CATEGORIES,
  classifyFailure,
  type FailureCategory,
  type FailureClassification,
  type FailureContext,
  type FailureRule,
  type FailureSettings,
} from './failure-modes';
export {
  DEFAULT_KEY_DECISION_SETTINGS,
  findKeyDecisionStep,
  findLoopOnset,
  findValueDrop,
  findSemanticDeviation,
  type KeyDecision,
  type KeyDecisionSettings,
  type KeyDecisionType,
} from './key-decision';
export { meanPassAtK, passAtK } from './pass-at-k';
export { completedCount, cumulativeDone } from './progress';
export {
  NO_SITE,
  failureModeDistribution,
  subgoalHeatmap,
  successRates,
  type FailureDistribution,
  type RateCount,
  type SuccessRates,
} from './metrics';
export { aurocMannWhitney, kendallTauB, midRanks } from './rank-stats';
export {
  subgoalOutcomes,
  subgoalQuality,
  successRateByCompleted,
  type CompletedBin,
  type Confusion,
  type SubgoalOutcome,
  type SubgoalQuality,
} from './subgoal-quality';
export { runSubgoalEpisodes, type RunSubgoalEpisodes } from './run-subgoals';
export { runSubgoalQuality } from './subgoal-quality-report';
export { PASS_AT_K, analyzeFailure, buildRunReport, type ReportEpisode, type RunReport } from './run-report';
