// Public surface of MiRA's training math (docs/design/MIRA.md §4). Pure functions on number[] plus the tfjs losses the
// trainer worker differentiates; nothing here touches the store, the browser or the network.

export { MiraDefaults, type MiraConfig, type ReturnKind } from './defaults';
export { progressLabels } from './progress-labels';
export {
  DEFAULT_BCE_EPSILON,
  potentialCriticLoss,
  potentialCriticLossTensor,
  valueCriticLoss,
  valueCriticLossFromLogits,
  valueCriticLossFromLogitsTensor,
  valueCriticLossTensor,
} from './critic-losses';
export { shapedRewards } from './shaped-reward';
export { discountedReturns, doublyRobustAdvantages, type DoublyRobustInput } from './advantage';
export {
  DEFAULT_AWR_MAX_WEIGHT,
  DEFAULT_MAX_LOG_RATIO,
  actionLogProbs,
  awrFilteredLoss,
  awrWeightedLoss,
  klStyleLoss,
  mseLogRatioLoss,
  type TensorInput,
} from './policy-losses';
export {
  ReplayBuffer,
  actionPerplexity,
  perplexityFilter,
  type PerplexityFilterResult,
  type ReplayBufferOptions,
} from './data-hygiene';
export { selectCurriculumTasks } from './curriculum';
export {
  BACKEND_ORDER,
  selectBackend,
  type BackendAttempt,
  type BackendName,
  type BackendSelection,
  type SelectBackendOptions,
} from './backend';
