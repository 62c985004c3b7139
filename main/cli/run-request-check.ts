// `run` and `resume` check what their flags ask for with the rules the API's startRun applies and the rules a
// stored run config must meet to be resumed (main/api/run-config.ts; a new run's, stricter): a run that could
// never resume is never stored, and a refused `resume` leaves the run as it was.
import { newRunConfigSchema, runConfigSchema } from '../api/run-config';
import { paramSchema } from '../api/schemas';
import type { RunTasksRequest } from '../runs/run-tasks';
import type { SchedulerSettings } from '../runs/scheduler';
import type { ParsedArgs } from './args';
import { checkWithSchemas, schemaAt, type FlagField } from './schema-check';

const CONCURRENCY: FlagField = { flag: 'concurrency' };
const SCHEDULER_FIELDS: Record<string, FlagField> = {
  concurrency: CONCURRENCY,
  episodeTimeoutMs: { flag: 'episode-timeout', scale: 1000, unit: 'seconds' },
  infraRetries: { flag: 'infra-retries' },
};
const prefixed = (prefix: string, fields: Record<string, FlagField>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
const LLM_FIELDS: Record<string, FlagField> = { provider: { flag: 'provider' }, model: { flag: 'model' }, thinkingBudget: { flag: 'thinking-budget' } };
const COMMON_FIELDS: Record<string, FlagField> = { policy: { flag: 'policy' }, seed: { flag: 'seed' }, checkpoint: { flag: 'checkpoint' }, ...prefixed('llm', LLM_FIELDS) };

/** The startRun API request's own schema (argument 0 of the tuple). */
const startRunSchema = () => schemaAt(paramSchema('startRun'), [0])!;

/** Throws a UsageError naming each flag whose value the API or a later resume would refuse. */
export function checkRunRequest(args: ParsedArgs, request: RunTasksRequest): void {
  const api = {
    taskIds: request.taskIds, policy: request.policy, seed: request.seed, concurrency: request.scheduler?.concurrency,
    llm: request.llm, checkpoint: request.checkpoint,
  };
  checkWithSchemas(args, [
    { schema: startRunSchema(), value: withoutUndefined(api), fields: { ...COMMON_FIELDS, concurrency: CONCURRENCY } },
    {
      schema: newRunConfigSchema, value: request,
      fields: {
        ...COMMON_FIELDS, seedsPerTask: { flag: 'seeds' }, 'stopRules.maxSteps': { flag: 'max-steps' }, ...prefixed('scheduler', SCHEDULER_FIELDS),
        'sgo.subgoalCount': { flag: 'subgoal-count' }, 'sgo.replanAfterSteps': { flag: 'replan-after' }, 'sgo.subgoalSource': { flag: 'subgoals' },
      },
    },
  ]);
}

/** `resume`'s scheduler overrides, by the same rules as `run`'s. */
export function checkResumeOverrides(args: ParsedArgs, overrides: Partial<SchedulerSettings>): void {
  checkWithSchemas(args, [
    ...(overrides.concurrency === undefined ? [] : [{ schema: schemaAt(startRunSchema(), ['concurrency'])!, value: overrides.concurrency, fields: { '': CONCURRENCY } }]),
    { schema: schemaAt(runConfigSchema, ['scheduler'])!, value: overrides, fields: SCHEDULER_FIELDS },
  ]);
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
