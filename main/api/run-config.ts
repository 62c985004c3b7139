import { z } from 'zod';
import { GRAMMAR_NAMES, LLM_PROVIDER_IDS, PROMPT_NAMES, SCORING_PROFILE_NAMES } from './registries';
import { MINIWOB_SUCCESS_RULES, OBSERVATION_FORMATS, SCREENSHOT_CAPTURES } from './run-options';
import { MAX_SUBGOALS } from './subgoal-limits';
import type { RunRecord } from './types';
import { TRAINING_VARIANTS } from './training-types';

// The config a run stores (runs.config, JSON): everything needed to resume it (issue 19: parsed when read back,
// not cast). Every config this workbench ever wrote must still parse: the first ones held only policy, seed and
// taskIds; later versions added the fields below one by one, so all but those two are optional. Unknown keys
// are kept (a newer workbench's fields survive a resume here). Training rollout runs (kind 'rollout') record
// which job, variant, phase and stage their episodes belong to.

const count = z.number().int().min(0);
const positive = z.number().int().min(1);

/** The stages of a training job whose episodes are stored (the trainer's progress stages). */
export const TRAINING_EPISODE_STAGES = ['demonstrations', 'rollout', 'evaluation'] as const;
export type TrainingEpisodeStage = (typeof TRAINING_EPISODE_STAGES)[number];

const trainingLink = z.object({
  jobId: z.string().min(1),
  variant: z.enum(TRAINING_VARIANTS),
  stage: z.enum(TRAINING_EPISODE_STAGES),
}).passthrough();

const sgoSettings = {
  subgoalCount: positive, replanAfterSteps: positive, subgoalSource: z.enum(['generate', 'latest', 'reference']),
  subgoalSetId: positive, autoraterScreenshot: z.boolean(),
};

export const runConfigSchema = z.object({
  policy: z.string().min(1, 'names no policy'),
  taskIds: z.array(z.string().min(1)).min(1, 'lists no tasks'),
  seed: z.number().int().default(0),
  seedsPerTask: positive.optional(),
  grammar: z.enum(GRAMMAR_NAMES).optional(),
  observationFormat: z.enum(OBSERVATION_FORMATS).optional(),
  // reference: the harness the rules reproduce, named as its scoring profile (docs/design/WEBARENA.md §4.5).
  stopRules: z.object({ maxSteps: positive, maxParseFailures: positive, maxRepeatedActions: positive,
    reference: z.enum(SCORING_PROFILE_NAMES).optional() }).passthrough().optional(),
  scheduler: z.object({ concurrency: positive, episodeTimeoutMs: positive, infraRetries: count }).partial().passthrough().optional(),
  miniwobSuccess: z.enum(MINIWOB_SUCCESS_RULES).optional(),
  llm: z.object({
    provider: z.enum(LLM_PROVIDER_IDS).optional(),
    model: z.string().min(1).optional(),
    thinkingBudget: z.union([count, z.literal('dynamic'), z.literal('off')]).optional(),
  }).passthrough().optional(),
  /** Runs of fuzzy_match tasks: the LLM that judges them, fixed when the run starts (runs/evaluation-judge.ts). */
  judge: z.object({
    provider: z.enum(LLM_PROVIDER_IDS),
    model: z.string().min(1),
    /** The judge's own server, when it has one; its key is never recorded (main/settings/judge-endpoint.ts). */
    baseUrl: z.string().min(1).optional(),
    thinkingBudget: z.union([count, z.literal('dynamic'), z.literal('off')]).optional(),
  }).passthrough().optional(),
  sgo: z.object(sgoSettings).partial().passthrough().optional(),
  promptVersion: positive.optional(),
  /** LLM runs: the version of every prompt the run sends, fixed when it started (main/runs/prompt-pins.ts). */
  promptVersions: z.partialRecord(z.enum(PROMPT_NAMES), positive).optional(),
  checkpoint: z.string().min(1).optional(),
  fork: z.object({ episodeId: z.string().min(1), step: count }).passthrough().optional(),
  capture: z.enum(SCREENSHOT_CAPTURES).optional(),
  /** Training rollout runs: the MiRA phase (0 = SFT's demonstrations) and the job they belong to. */
  phase: count.optional(),
  training: trainingLink.optional(),
}).passthrough();

export type StoredRunConfig = z.infer<typeof runConfigSchema>;

/** What a new run may ask for: a stored config, and no more milestones per set than a subgoal set may hold
 * (main/api/subgoal-limits.ts). Only new runs: configs stored before the limit stay resumable. */
export const newRunConfigSchema = runConfigSchema.extend({
  sgo: z.object({ ...sgoSettings, subgoalCount: positive.max(MAX_SUBGOALS) }).partial().passthrough().optional(),
});

/** A run's stored config, checked; a config that does not fit says which run and which fields. */
export function parseRunConfig(run: Pick<RunRecord, 'id' | 'config'>): StoredRunConfig {
  const parsed = runConfigSchema.safeParse(run.config);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'config'}: ${i.message}`);
  throw new Error(`Run ${run.id} has a malformed stored config (${problems.join('; ')}); it cannot be resumed.`);
}
