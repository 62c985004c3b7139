import type { ApiMethod } from './contract';

/** Every API method by name, for transports that must enumerate them (the preload bridge, the IPC binder).
 * The mapped type below fails to compile when a method is added to the contract but not listed here. */
const METHOD_TABLE: { [M in ApiMethod]: true } = {
  info: true,
  listTasks: true,
  listRuns: true,
  browserEndpoints: true,
  listEpisodes: true,
  listEpisodePage: true,
  listRunSummaries: true,
  annotateEpisode: true,
  getEpisode: true,
  openReplay: true,
  getEpisodeSteps: true,
  getBlobText: true,
  startRun: true,
  cancelRun: true,
  forkEpisode: true,
  getRunState: true,
  resumeRun: true,
  getRunReport: true,
  getRunLlmUsage: true,
  getSettings: true,
  updateSettings: true,
  setSecret: true,
  clearSecret: true,
  listSubgoalSets: true,
  saveSubgoalSet: true,
  generateSubgoals: true,
  listPrompts: true,
  listPromptVersions: true,
  savePrompt: true,
  previewPrompt: true,
  tryAutoRater: true,
  listVerdicts: true,
  startTraining: true,
  cancelTraining: true,
  listTrainingJobs: true,
  getTrainingJob: true,
  getTrainingStudy: true,
  startCriticFit: true,
  cancelCriticFit: true,
  listCriticFits: true,
  getEpisodeCritics: true,
};

export const API_METHODS = Object.keys(METHOD_TABLE) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHOD_TABLE, name);
}
