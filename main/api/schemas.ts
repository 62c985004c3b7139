import { z } from 'zod';
import type { ApiMethod } from './contract';
import { SECRET_NAMES } from './settings';
import { settingsPatchSchema } from './settings-schema';
import { PROMPT_NAMES } from './inference-types';
import { TRAINING_VARIANTS } from './training-types';
import { miraOverridesSchema } from './mira-overrides-schema';
import { LLM_PROVIDER_IDS, POLICY_IDS } from './registries';
import { MAX_SUBGOALS } from './subgoal-limits';

// Argument schemas for every API method. Both transports (the web host's WebSocket and Electron's IPC)
// validate with these before the core sees a call: the renderer is never trusted with shapes.
const id = z.string().min(1).max(200);
export const MAX_TASK_PAGE = 1000;
/** The most steps one getEpisodeSteps call returns (the replay asks for windows of 16). */
export const MAX_STEP_WINDOW = 64;
export const DEFAULT_TASK_PAGE = 500;
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-character hex blob hash');

// A checkpoint is a path inside <dataDir>/training; the core resolves and checks it (checkpoint-path.ts).
const checkpointPath = z.string().min(1).max(4000).refine((p) => !p.includes('\0'), 'must not contain NUL characters');

const promptName = z.enum(PROMPT_NAMES);
/** Episodes run at once: a run's, and a training job's rollouts and evaluations (the same browser contexts). */
const episodesAtOnce = z.number().int().min(1).max(16);
const trainingRequest = z.object({
  variants: z.array(z.enum(TRAINING_VARIANTS)).min(1).max(TRAINING_VARIANTS.length).refine((v) => new Set(v).size === v.length, 'variants must not repeat'),
  phases: z.number().int().min(0).max(20),
  families: z.array(z.string().min(1).max(200)).min(1).max(100).refine((f) => new Set(f).size === f.length, 'families must not repeat'),
  instancesPerFamily: z.number().int().min(5).max(1000),
  seed: z.number().int(),
  seeds: z.array(z.number().int()).min(1).max(20).refine((s) => new Set(s).size === s.length, 'seeds must not repeat').optional(),
  budget: z.object({
    sftDemosPerFamily: z.number().int().min(1).max(1000), rolloutsPerTask: z.number().int().min(1).max(16), tasksPerPhase: z.number().int().min(1).max(10_000),
  }).partial().strict().optional(),
  overrides: miraOverridesSchema.optional(),
  parallelVariants: z.number().int().min(1).max(TRAINING_VARIANTS.length).optional(),
  concurrency: episodesAtOnce.optional(),
}).strict();
const note = z.string().max(2000).optional();
const stepIndex = z.number().int().min(0).max(100_000);
const elementQuery = z.object({ role: z.string().max(100).optional(), name: z.string().max(500).optional(), nameContains: z.string().max(500).optional(), nth: z.number().int().min(0).optional() }).strict();
const subgoalPredicate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url_matches'), pattern: z.string().min(1).max(2000) }).strict(),
  z.object({ kind: z.literal('text_present'), text: z.string().min(1).max(2000) }).strict(),
  z.object({ kind: z.literal('element_state'), query: elementQuery, prop: z.string().min(1).max(100), value: z.string().max(2000) }).strict(),
  z.object({ kind: z.literal('site_state'), check: z.string().min(1).max(200), args: z.record(z.string(), z.unknown()) }).strict(),
]);
const subgoalItems = z.array(z.object({ text: z.string().trim().min(1).max(2000), predicate: subgoalPredicate.nullable().optional() }).strict()).min(1).max(MAX_SUBGOALS);
/** A built-in policy (main/api/registries.ts); the core checks again what the policy needs. */
const policyName = z.enum(POLICY_IDS, { error: `must be one of ${POLICY_IDS.join(', ')}` });
const llmSelection = z.object({
  provider: z.enum(LLM_PROVIDER_IDS, { error: `must be one of ${LLM_PROVIDER_IDS.join(', ')}` }).optional(),
  model: z.string().min(1).max(200).optional(),
  thinkingBudget: z.union([z.number().int().min(0).max(65_536), z.literal('dynamic'), z.literal('off')]).optional(),
}).strict();

/** A study tag: a short label without commas (the tag field is comma-separated). */
const episodeTag = z.string().trim().min(1, 'a tag cannot be empty').max(60, 'a tag is at most 60 characters').regex(/^[^,]+$/, 'a tag cannot contain a comma');

/** The episode study filters (issue 21), shared by the plain list and the table's pages. */
const episodeStudyQuery = {
  runId: id.optional(), taskId: id.optional(),
  search: z.string().max(500).optional(),
  family: z.string().min(1).max(200).optional(),
  policy: z.string().min(1).max(100).optional(),
  subgoalVersion: z.number().int().min(1).optional(),
  promptVersion: z.number().int().min(1).optional(),
  tag: episodeTag.optional(),
};
export const MAX_EPISODE_PAGE = 1000;

const PARAM_SCHEMAS: { [M in ApiMethod]: z.ZodType<unknown[]> } = {
  info: z.tuple([]),
  listTasks: z.tuple([
    z.object({
      source: z.enum(['sandbox', 'webarena', 'miniwob']).optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(MAX_TASK_PAGE).optional(),
      includeTraining: z.boolean().optional(),
    }).strict().optional(),
  ]),
  listRuns: z.tuple([]),
  browserEndpoints: z.tuple([]),
  listEpisodes: z.tuple([z.object({ ...episodeStudyQuery, limit: z.number().int().min(1).max(10_000).optional() }).strict()]),
  listEpisodePage: z.tuple([
    z.object({
      ...episodeStudyQuery,
      filters: z.object({
        site: z.string().max(200).optional(),
        outcome: z.enum(['', 'succeeded', 'failed', 'unscored']).optional(),
        failureMode: z.string().max(200).optional(),
        policy: z.string().max(100).optional(),
        phase: z.string().max(200).optional(),
      }).strict().optional(),
      sort: z.object({ key: z.enum(['task', 'site', 'policy', 'outcome', 'failure', 'score', 'steps', 'started']), descending: z.boolean() }).strict().optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(MAX_EPISODE_PAGE).optional(),
      summary: z.boolean().optional(),
    }).strict(),
  ]),
  listRunSummaries: z.tuple([]),
  annotateEpisode: z.tuple([
    id,
    z.object({
      note: z.string().max(10_000, 'a note is at most 10000 characters').nullable(),
      tags: z.array(episodeTag).max(50, 'at most 50 tags per episode'),
    }).strict(),
  ]),
  getEpisode: z.tuple([id]),
  openReplay: z.tuple([id, z.number().int().min(0)]),
  getEpisodeSteps: z.tuple([id, z.number().int().min(0), z.number().int().min(0)])
    .refine(([, from, to]) => to >= from && to - from <= MAX_STEP_WINDOW, `a step window is from ≤ to, at most ${MAX_STEP_WINDOW} steps`),
  getBlobText: z.tuple([hash]),
  getRunReport: z.tuple([id]),
  getRunLlmUsage: z.tuple([id]),
  getSettings: z.tuple([]),
  // The settings file's own schema (browserPath refused field-level: it is not writable over the API).
  updateSettings: z.tuple([settingsPatchSchema]),
  setSecret: z.tuple([z.enum(SECRET_NAMES), z.string().min(1).max(4096)]),
  clearSecret: z.tuple([z.enum(SECRET_NAMES)]),
  startRun: z.tuple([
    z.object({
      taskIds: z.array(id).min(1).max(10_000),
      policy: policyName,
      seed: z.number().int().optional(),
      concurrency: episodesAtOnce.optional(),
      llm: llmSelection.optional(),
      checkpoint: checkpointPath.optional(),
      stopRules: z.object({
        maxSteps: z.number().int().min(1).max(1000), maxParseFailures: z.number().int().min(1).max(100), maxRepeatedActions: z.number().int().min(1).max(100),
      }).strict().optional(),
      promptVersion: z.number().int().min(1).optional(),
      subgoalSetId: z.number().int().min(1).optional(),
    }).strict(),
  ]),
  cancelRun: z.tuple([id]),
  getRunState: z.tuple([id]),
  resumeRun: z.tuple([id]),
  forkEpisode: z.tuple([
    z.object({
      episodeId: id,
      fromStep: z.number({ error: 'fromStep must be a step number (t, 0-based)' }).int().min(0).max(100_000),
      policy: policyName,
      llm: llmSelection.optional(),
      promptVersion: z.number().int().min(1).optional(),
      checkpoint: checkpointPath.optional(),
      subgoalSetId: z.number().int().min(1).optional(),
    }).strict(),
  ]),
  listSubgoalSets: z.tuple([id]),
  saveSubgoalSet: z.tuple([id, subgoalItems, note]),
  generateSubgoals: z.tuple([id]),
  listPrompts: z.tuple([]),
  listPromptVersions: z.tuple([promptName]),
  savePrompt: z.tuple([promptName, z.string().min(1).max(100_000), note]),
  previewPrompt: z.tuple([promptName, id, stepIndex, z.string().min(1).max(100_000).optional()]),
  tryAutoRater: z.tuple([id, stepIndex, z.number().int().min(0).max(MAX_SUBGOALS - 1), z.string().min(1).max(100_000).optional()]),
  listVerdicts: z.tuple([id]),
  startTraining: z.tuple([trainingRequest]),
  cancelTraining: z.tuple([id]),
  listTrainingJobs: z.tuple([]),
  getTrainingJob: z.tuple([id]),
  getTrainingStudy: z.tuple([id]),
  startCriticFit: z.tuple([z.object({
    runIds: z.array(id, { error: 'runIds must be a list of run ids' }).min(1, 'runIds must name at least one run').max(200),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    maxEpochs: z.number().int().min(1).max(1_000_000).optional(),
    patience: z.number().int().min(1).max(1_000_000).optional(),
  }).strict()]),
  cancelCriticFit: z.tuple([id]),
  listCriticFits: z.tuple([id.optional()]),
  getEpisodeCritics: z.tuple([id]),
};

/** One method's argument schema: the CLI checks the requests it builds with these rules before it stores anything. */
export function paramSchema(method: ApiMethod): z.ZodType<unknown[]> {
  return PARAM_SCHEMAS[method];
}

/** Returns the parsed parameters, or throws an Error that says which argument is wrong and why. */
export function validateRequest(method: string, params: unknown): unknown[] {
  if (!Object.prototype.hasOwnProperty.call(PARAM_SCHEMAS, method)) throw new Error(`Unknown API method "${method}".`);
  if (!Array.isArray(params)) throw new Error(`${method}: parameters must be an array.`);
  const result = PARAM_SCHEMAS[method as ApiMethod].safeParse(params);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.length ? `argument ${i.path.join('.')}` : 'arguments'}: ${i.message}`);
    throw new Error(`${method}: ${issues.join('; ')}`);
  }
  return result.data;
}
