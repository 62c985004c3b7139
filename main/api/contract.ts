// The one API every front end uses: the Electron preload bridge and the web host's WebSocket expose exactly
// this interface, so the renderer cannot tell them apart (docs/design/ARCHITECTURE.md §2). Types only.
import type { EpisodeRecord, RunRecord, StepRecord, TaskRecord, TaskSummary } from './types';
import type { RunReport } from './run-report';
import type { RunLlmUsage } from './llm-usage-types';
import type { RunState } from './run-state';
import type { SecretName, SettingsPatch, SettingsView } from './settings';
import type { AutoRaterTrial, LlmSelection, PromptName, PromptVersion, SubgoalItem, SubgoalSet, VerdictRecord } from './inference-types';
import type { EpisodeStopLimits, TrainingJob, TrainingProgress, TrainingRequest } from './training-types';
import type { StudyView } from './study-types';
import type { CriticFitJob, CriticFitRequest, EpisodeCritics } from './critic-types';
import type { BrowserEndpointStatus } from './browser-endpoints';
import type { EpisodeAnnotation, EpisodeReplay, StepWindow } from './replay-types';
export type { EpisodeAnnotation } from './replay-types';
import type { Registries } from './registries';
export type * from './browser-endpoints';
export type * from './inference-types';
export type * from './training-types';
export type * from './study-types';
export type * from './critic-types';

export interface CoreInfo {
  version: string;
  dataDir: string;
  /** The browser the pool found (path and how it was found), or why none was found. */
  browser: { executablePath: string | null; source: string; problem: string | null };
  sandboxUrl: string | null;
  mode: 'desktop' | 'web' | 'cli';
  /** The providers and policies this build has (main/api/registries.ts), for the renderer's choices. */
  registries: Registries;
  /** Episodes run at once unless a person says otherwise: as many as this machine's cores keep fed
   * (browser/default-concurrency.ts). */
  defaultConcurrency: number;
}

/** One page of the task list, in id order. */
export interface TaskQuery {
  source?: TaskRecord['source'];
  /** Tasks to skip (default 0). */
  offset?: number;
  /** Page size (default 500, at most 1000). */
  limit?: number;
  /** List the instances stored only for training jobs too (default: left out, issue 17). */
  includeTraining?: boolean;
}

export interface TaskPage {
  tasks: TaskSummary[];
  /** Tasks matching the query across all pages. */
  total: number;
  offset: number;
  /** Training instances matching the query's other filters, listed or not (the Tasks page's toggle). */
  trainingInstances: number;
}

export interface EpisodeQuery {
  runId?: string;
  taskId?: string;
  limit?: number;
  /** Study filters (issue 21): a substring of the intent, the answer or the note. */
  search?: string;
  family?: string;
  policy?: string;
  /** The version of the subgoal set the episode was judged against. */
  subgoalVersion?: number;
  /** The policy prompt version its run pinned. */
  promptVersion?: number;
  tag?: string;
}

/** What lists add to an episode record: the task's intent, site and family, the versions it ran with, and the
 * person's note and tags. */
export interface EpisodeStudyFields {
  intent: string;
  sites: string[];
  family: string | null;
  subgoalVersion: number | null;
  promptVersion: number | null;
  model: string | null;
  note: string | null;
  tags: string[];
}

/** An episode row as lists show it: the record plus its study fields. */
export interface EpisodeSummary extends EpisodeRecord, EpisodeStudyFields {}

/** The episodes table's own column filters; '' means "any". */
export interface EpisodeTableFilters {
  site: string;
  outcome: '' | 'succeeded' | 'failed' | 'unscored';
  failureMode: string;
  policy: string;
  phase: string;
}

export type EpisodeSortKey = 'task' | 'site' | 'policy' | 'outcome' | 'failure' | 'score' | 'steps' | 'started';

/** One page of the episodes table (issue 22 "Lists at scale"): the study query, the table's filters and sort,
 * all applied in the store, so any row of any number of episodes can be reached. */
export interface EpisodePageQuery extends Omit<EpisodeQuery, 'limit'> {
  filters?: Partial<EpisodeTableFilters>;
  sort?: { key: EpisodeSortKey; descending: boolean };
  /** Rows to skip (default 0). */
  offset?: number;
  /** Page size (default 200, at most 1000). */
  limit?: number;
  /** false: leave the first page's summary out (the table asks for it in a second call, so its rows come first). */
  summary?: boolean;
}

/** Only what the episodes table shows of an episode. */
export interface EpisodeListRow extends Pick<EpisodeRecord, 'id' | 'runId' | 'taskId' | 'policy' | 'status' | 'success' | 'score' | 'failureMode' | 'stopReason' | 'stepCount' | 'createdAt'> {
  intent: string;
  sites: string[];
  family: string | null;
  note: string | null;
  tags: string[];
}

export interface EpisodePage {
  rows: EpisodeListRow[];
  /** Episodes matching the query across all pages. */
  total: number;
  offset: number;
  /** On the first page only (offset 0): solved per site over every match, and the values each table
   * filter can take among the episodes the study query matches. */
  summary?: {
    /** Episodes the study query matches before the table's own filters narrow them. */
    studyTotal: number;
    perSite: { site: string; solved: number; total: number }[];
    options: { site: string[]; failureMode: string[]; policy: string[]; phase: string[] };
    /** Every family and tag among the episodes in scope (the run or task asked for), whatever the study
     * query picks: the study filters' choices. */
    facets: { family: string[]; tag: string[] };
  };
}

/** A run as the Runs table shows it: its record, success rate over scored episodes, and what it ran with. */
export interface RunSummary extends RunRecord {
  episodes: number;
  scored: number;
  solved: number;
  model: string | null;
  promptVersion: number | null;
  /** Distinct versions of the subgoal sets its episodes were judged against, ascending. */
  subgoalVersions: number[];
}

export interface EpisodeDetail {
  episode: EpisodeRecord;
  task: TaskRecord;
  steps: StepRecord[];
  /** The subgoal set the episode was judged against (the latest, if it re-planned); null without one. */
  subgoals: SubgoalSet | null;
  /** Every milestone verdict of the episode, by step then subgoal index. */
  verdicts: VerdictRecord[];
  /** The person's study note and tags (issue 21). */
  annotation: EpisodeAnnotation;
}

export interface StartRunRequest {
  taskIds: string[];
  /** 'oracle' replays the sandbox family's solver; 'wrong' is a deliberately wrong baseline. */
  policy: string;
  seed?: number;
  /** Episodes in parallel (browser contexts). */
  concurrency?: number;
  /** LLM policies ('react', 'sgo'): provider, model and thinking budget; Settings fill the rest. */
  llm?: LlmSelection;
  /** 'local': a trained checkpoint (phase-<n>.json, or a directory: its newest phase). */
  checkpoint?: string;
  /** Early-stop limits (default: WebArena's, 30 steps); "run on the test split" passes the job's evaluation rules. */
  stopRules?: EpisodeStopLimits;
  /** LLM policies: the version of their policy prompt (policy-react / policy-sgo); the latest by default. */
  promptVersion?: number;
  /** LLM policies: one stored subgoal-set version of the (single) task, by id — SGO acts on it, ReAct is judged
   * against it. Pinned, so a later save or regeneration does not change it. SGO generates by default. */
  subgoalSetId?: number;
}

/** Fork (issue 8): re-run an episode from a chosen step with another policy, model or prompt version. */
export interface ForkRequest {
  episodeId: string;
  /** The step (t, 0-based) the new policy takes over at: steps 0..fromStep-1 replay the source's actions. */
  fromStep: number;
  /** Any built-in policy ('oracle', 'do-nothing', 'react', 'sgo', …). */
  policy: string;
  /** LLM policies: provider, model and thinking budget (Settings fill the rest). */
  llm?: LlmSelection;
  /** LLM policies: the version of their policy prompt (policy-react / policy-sgo); the latest by default. */
  promptVersion?: number;
  /** 'local': a trained checkpoint. */
  checkpoint?: string;
  /** LLM policies: a stored subgoal-set version of the episode's task, by id (as StartRunRequest). */
  subgoalSetId?: number;
}

export interface RunProgress {
  runId: string;
  done: number;
  total: number;
  episodeId: string;
  /** The episode hit an infrastructure failure and is being run again. */
  retrying: boolean;
}

export interface WorkbenchApi {
  info(): Promise<CoreInfo>;
  listTasks(query?: TaskQuery): Promise<TaskPage>;
  listRuns(): Promise<RunRecord[]>;
  /** Where episodes' browsers run: the local browser and each remote endpoint, with health and load. */
  browserEndpoints(): Promise<BrowserEndpointStatus[]>;
  listEpisodes(query: EpisodeQuery): Promise<EpisodeSummary[]>;
  /** A page of the episodes table, with the total and (first page) the per-site chart and filter options. */
  listEpisodePage(query: EpisodePageQuery): Promise<EpisodePage>;
  /** Every run with its success rate and versions, newest first. */
  listRunSummaries(): Promise<RunSummary[]>;
  /** Sets an episode's study note and tags; resolves to what was stored. */
  annotateEpisode(episodeId: string, annotation: EpisodeAnnotation): Promise<EpisodeAnnotation>;
  getEpisode(id: string): Promise<EpisodeDetail>;
  /** The episode as the replay opens it at step position `step`: an outline of every step and the full records
   * of the window holding that step (issue 22: bytes per open). */
  openReplay(id: string, step: number): Promise<EpisodeReplay>;
  /** Full replay records of the steps at positions [from, to), at most MAX_STEP_WINDOW of them. */
  getEpisodeSteps(id: string, from: number, to: number): Promise<StepWindow>;
  /** Text blobs (observations, prompts, replies) by hash. */
  getBlobText(hash: string): Promise<string>;
  startRun(request: StartRunRequest): Promise<{ runId: string }>;
  /** Stops a running run started by this process: running episodes end as 'cancelled', the rest never start.
   * Resolves false when the run is not running here. */
  cancelRun(runId: string): Promise<boolean>;
  /** Starts a one-episode run that replays the episode up to `fromStep` and hands over to another policy;
   * the new episode records where it was forked from. Errors say what is wrong (episode, step, policy).
   * Resolves when the new policy has taken over (with the fork's episode); a replayed prefix that does not
   * reproduce the source rejects with the reason and leaves no run or episode behind. */
  forkEpisode(request: ForkRequest): Promise<{ runId: string; episodeId?: string }>;
  /** How far the run got from what is stored (finished, running and never-started tasks of its plan) and
   * whether it can be resumed: a page opened mid-run, or following a run another process drives, reads it. */
  getRunState(runId: string): Promise<RunState>;
  /** Resumes an interrupted (cancelled, killed) or infrastructure-failed run in this process, as the CLI's
   * `resume` does: every planned task without a finished episode runs again. Rejects with the reason when the
   * run cannot be resumed (finished, already running, a training job's). Resolves once it is running again. */
  resumeRun(runId: string): Promise<{ runId: string }>;
  /** Analyses the run (storing each failed episode's category and key decision step) and reports it. */
  getRunReport(runId: string): Promise<RunReport>;
  /** The run's LLM calls summed: calls, cache hits, failures, tokens of the calls sent, latency p50/p95, by purpose. */
  getRunLlmUsage(runId: string): Promise<RunLlmUsage>;
  /** Settings and the status of each secret (set or not, last four characters; never the value). */
  getSettings(): Promise<SettingsView>;
  /** Any subset of the settings except browserPath (refused: --browser, MIRA_BROWSER or the desktop dialog). */
  updateSettings(patch: SettingsPatch): Promise<SettingsView>;
  setSecret(name: SecretName, value: string): Promise<SettingsView>;
  clearSecret(name: SecretName): Promise<SettingsView>;
  /** Subgoals (docs/design/MIRA.md §2): every version of a task's set, newest first. */
  listSubgoalSets(taskId: string): Promise<SubgoalSet[]>;
  /** Stores a hand-written or corrected set as a new 'hand' version. */
  saveSubgoalSet(taskId: string, subgoals: SubgoalItem[], note?: string): Promise<SubgoalSet>;
  /** Asks the teacher LLM for K milestones from the intent and the start page; stored as a 'generated' version. */
  generateSubgoals(taskId: string): Promise<SubgoalSet>;
  /** Prompts as data: the latest version of each prompt. */
  listPrompts(): Promise<PromptVersion[]>;
  /** Every version of one prompt, newest first. */
  listPromptVersions(name: PromptName): Promise<PromptVersion[]>;
  /** Saves a new version (slots are checked against the prompt's own). */
  savePrompt(name: PromptName, text: string, note?: string): Promise<PromptVersion>;
  /** A prompt rendered for step t of an episode, exactly as it would be sent: `promptText` (a draft being
   * edited) when given, else the latest saved version. */
  previewPrompt(name: PromptName, episodeId: string, t: number, promptText?: string): Promise<string>;
  /** Judges one milestone at step t with the AutoRater (optionally an edited prompt text); nothing stored. */
  tryAutoRater(episodeId: string, t: number, subgoalIndex: number, promptText?: string): Promise<AutoRaterTrial>;
  /** The episode's AutoRater verdicts, by step then subgoal index. */
  listVerdicts(episodeId: string): Promise<VerdictRecord[]>;
  /** Training (docs/design/MIRA.md §4): starts a job (one variant, or several for an ablation) in the trainer worker. */
  startTraining(request: TrainingRequest): Promise<{ jobId: string }>;
  /** Resolves false when the job is not running in this process. */
  cancelTraining(jobId: string): Promise<boolean>;
  /** Every training job, newest first (running ones with their live state). */
  listTrainingJobs(): Promise<TrainingJob[]>;
  getTrainingJob(jobId: string): Promise<TrainingJob>;
  /** The job's study (issue 17): SR per phase and variant over its seeds with 95% intervals, failure modes,
   * milestones, critics, filter counts, and the plots as inline SVG (the HTML report's). */
  getTrainingStudy(jobId: string): Promise<StudyView>;
  /** Critics on recorded runs (issue 17): fits V and P on the runs' scored episodes, any policy, in the background. */
  startCriticFit(request: CriticFitRequest): Promise<{ fitId: string }>;
  /** Cancels a fit this process runs (its worker stops at once; the record says 'cancelled'); false if none runs here. */
  cancelCriticFit(fitId: string): Promise<boolean>;
  /** Critic fits, newest first (running ones with their progress); with a run id, those that include it. */
  listCriticFits(runId?: string): Promise<CriticFitJob[]>;
  /** V and P per step of an episode from the newest finished fit on its run; null when there is none. */
  getEpisodeCritics(episodeId: string): Promise<EpisodeCritics | null>;
}

export type ApiMethod = keyof WorkbenchApi;
export type ApiParams<M extends ApiMethod> = Parameters<WorkbenchApi[M]>;
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<WorkbenchApi[M]>>;

/** Events pushed from the core to every connected front end. */
export interface ApiEvents {
  step: StepRecord;
  episode: EpisodeRecord;
  run: RunRecord;
  /** A run's progress: episodes done out of total (for progress bars). */
  progress: RunProgress;
  /** A milestone verdict as the AutoRater makes it (live, during the episode). */
  verdict: VerdictRecord;
  /** A training job's stage, progress and latest losses. */
  training: TrainingProgress;
}
export type ApiEventName = keyof ApiEvents;

/** What the renderer holds: the API plus event subscription and blob URLs (the preload maps blobs to a
 * custom protocol, the web client to `/blobs/<hash>`). */
export interface WorkbenchClient extends WorkbenchApi {
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  blobUrl(hash: string): string;
}

/** Wire format of the WebSocket transport (JSON). */
export type WireRequest = { id: number; method: ApiMethod; params: unknown[] };
export type WireResponse = { id: number; result?: unknown; error?: { message: string } };
export type WireEvent = { event: ApiEventName; payload: unknown };
/** The host's first message on every connection: the key that reads `/blobs/<hash>?k=…` (null without a token). */
export type WireHello = { hello: { blobKey: string | null } };
