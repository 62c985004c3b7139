// Critics fitted on recorded runs (issue 17, docs/design/MIRA.md §4.2–§4.6): the request, the job record the
// API lists, and the per-step values replay draws. Types only; main/training/critics/ computes them.

export interface CriticFitRequest {
  /** Runs whose scored episodes train the critics (any policy: LLM agents, oracle, baselines, local). */
  runIds: string[];
  /** Seed of the initial weights, the held-out split and the minibatch order (default 1). */
  seed?: number;
  /** Most epochs of each critic (default the trainer's 20); the held-out stop usually ends sooner. */
  maxEpochs?: number;
  /** Epochs without a held-out improvement before a critic stops (default the trainer's 5). */
  patience?: number;
}

export type CriticFitStatus = 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted';
export type CriticFitStage = 'episodes' | 'value' | 'potential' | 'scoring';

export interface CriticNetResult {
  /** BCE (V) or MSE (P) of the kept weights on the training and the held-out states. */
  trainLoss: number;
  heldOutLoss: number | null;
  epochs: number;
  keptEpoch: number;
  trainStates: number;
  heldOutStates: number;
  /** Why heldOutLoss is null, for V (docs/design/MIRA.md §4.6); absent when it has one, and in older records. */
  heldOutNote?: string;
}

export interface CalibrationBinView {
  lo: number;
  hi: number;
  count: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

export interface CriticFitResult {
  episodes: number;
  trainEpisodes: number;
  heldOutEpisodes: number;
  /** Episodes the fit could not use, with the reason (no outcome, no steps, no stored observations). */
  skipped: { episodeId: string; reason: string }[];
  /** Where P's labels came from, counted by episode: the steps' progress vectors, the stored verdicts, none. */
  labelSources: { steps: number; verdicts: number; none: number };
  value: CriticNetResult;
  potential: CriticNetResult | null;
  /** Reliability of V against the outcome on the held-out episodes' states (all of them when none is held out). */
  calibration: { bins: CalibrationBinView[]; n: number; ece: number | null; heldOut: boolean };
  /** The critics' checkpoint (inside <dataDir>/training). */
  checkpoint: string;
  backend: string;
  seconds: number;
}

export interface CriticFitJob {
  id: string;
  request: CriticFitRequest;
  status: CriticFitStatus;
  /** The process that runs (or ran) the fit: a record left 'running' by a process that is gone was cut off.
   * Absent in records written before it was kept. */
  ownerPid?: number;
  createdAt: string;
  finishedAt: string | null;
  progress: { stage: CriticFitStage; done: number; total: number; message: string } | null;
  error: string | null;
  result: CriticFitResult | null;
}

/** V(s_t) and P(s_t) per step of one episode from the newest finished fit that covers its run. */
export interface EpisodeCritics {
  fitId: string;
  values: number[];
  /** null when the fit had no labelled episodes to train P on. */
  potentials: number[] | null;
}
