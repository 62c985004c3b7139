// The evaluators' public surface (docs/design/WEBARENA.md §2): score an episode, pick a profile, plug in a judge.
export { describeEvaluation, evaluateEpisode, type EvaluateContext } from './evaluate';
export { JUDGE_REQUIRED_NOTE, JudgeCallError, JudgeUnavailableError, type FuzzyJudge, type FuzzyPrompt, type FuzzyVerdict } from './fuzzy';
export { judgedChecksOf, needsJudge } from './needs-judge';
export type { PageLike } from './page-like';
export { defaultProfileFor, PROFILE_NAMES, PROFILES, type ProfileName, type ScoringProfile } from './profiles';
export type { ShoppingAdminCredentials } from './shopping-api';
export { UnscorableConfigError } from './unscorable';
