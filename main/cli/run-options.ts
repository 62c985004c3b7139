import { GRAMMARS, type GrammarName } from '../actions/grammars';
import { isObservationFormat, OBSERVATION_FORMATS, type ObservationFormat } from '../agent/observation-view';
import { STOP_RULE_PROFILES, stopRulesFor, type StopRules } from '../agent/stop-rules';
import type { SchedulerSettings } from '../runs/scheduler';
import { flagNumber, flagString, UsageError, type ParsedArgs } from './args';
import type { LlmSelection } from '../api/inference-types';
import { isMember, LLM_PROVIDER_IDS } from '../api/registries';
import type { SgoSettings } from '../agent/sgo-settings';

/** The run settings `run` takes besides the tasks: `--grammar`, `--observation`, and the stop rules
 * (`--stop-rules webarena|vab-lite` — 3/3/30 or 5 repeats, docs/design/WEBARENA.md §4.5 — with `--max-steps N`). */
export interface RunOptions {
  grammar?: GrammarName;
  observationFormat?: ObservationFormat;
  stopRules: StopRules;
  scheduler: Partial<SchedulerSettings>;
  llm?: LlmSelection;
  sgo?: Partial<SgoSettings>;
  /** `--checkpoint <file|dir>`: the trained checkpoint the 'local' policy acts with. */
  checkpoint?: string;
}

/** LLM policies: `--provider gemini|openai-compatible --model NAME --thinking-budget N|dynamic|off`, and SGO's
 * `--subgoals generate|latest|reference --subgoal-count K --replan-after N` (docs/design/MIRA.md §2, §3). */
export function llmOptions(args: ParsedArgs): Pick<RunOptions, 'llm' | 'sgo'> {
  const provider = flagString(args, 'provider');
  if (provider !== undefined && !isMember(LLM_PROVIDER_IDS, provider)) {
    throw new UsageError(`--provider must be one of ${LLM_PROVIDER_IDS.join(', ')}, not "${provider}".`);
  }
  const budget = flagString(args, 'thinking-budget');
  if (budget !== undefined && budget !== 'dynamic' && budget !== 'off' && !/^\d+$/.test(budget)) {
    throw new UsageError(`--thinking-budget must be a number of tokens, dynamic or off, not "${budget}".`);
  }
  const source = flagString(args, 'subgoals');
  if (source !== undefined && !['generate', 'latest', 'reference'].includes(source)) {
    throw new UsageError(`--subgoals must be generate, latest or reference, not "${source}".`);
  }
  const llm: LlmSelection = {};
  if (provider) llm.provider = provider;
  const model = flagString(args, 'model');
  if (model) llm.model = model;
  if (budget !== undefined) llm.thinkingBudget = /^\d+$/.test(budget) ? Number(budget) : (budget as 'dynamic' | 'off');
  const sgo: Partial<SgoSettings> = {};
  if (source) sgo.subgoalSource = source as SgoSettings['subgoalSource'];
  const k = flagNumber(args, 'subgoal-count', NaN);
  if (!Number.isNaN(k)) sgo.subgoalCount = k;
  const replan = flagNumber(args, 'replan-after', NaN);
  if (!Number.isNaN(replan)) sgo.replanAfterSteps = replan;
  return { llm: Object.keys(llm).length ? llm : undefined, sgo: Object.keys(sgo).length ? sgo : undefined };
}

/** `run --judge-provider run|gemini|openai-compatible [--judge-model NAME] [--judge-base-url URL]`: the LLM that
 * judges this run's fuzzy_match checks (docs/design/WEBARENA.md §2.2), laid over Settings' judge for this process
 * (llm-settings.ts checks it with the settings schema); 'run' is the run's own LLM. The judge setting is
 * replaced whole, so a model or a server needs its provider named with it. The judge's own server takes the
 * judge key from Settings or MIRA_JUDGE_API_KEY (main/settings/judge-endpoint.ts), never from the command line. */
export function judgeOptions(args: ParsedArgs): { provider: string; model: string | null; baseUrl: string | null } | undefined {
  const provider = flagString(args, 'judge-provider');
  const model = flagString(args, 'judge-model');
  const baseUrl = flagString(args, 'judge-base-url');
  if (provider === undefined) {
    const alone = model !== undefined ? "--judge-model names the judge's model" : baseUrl !== undefined ? "--judge-base-url names the judge's server" : null;
    if (alone) throw new UsageError(`${alone} at a provider: give --judge-provider ${LLM_PROVIDER_IDS.join('|')} with it.`);
    return undefined;
  }
  return { provider, model: model ?? null, baseUrl: baseUrl ?? null };
}

/** `--concurrency N` (parallel browser contexts), `--episode-timeout SECONDS`, `--infra-retries N`. */
export function schedulerOptions(args: ParsedArgs): Partial<SchedulerSettings> {
  const out: Partial<SchedulerSettings> = {};
  const concurrency = flagNumber(args, 'concurrency', NaN);
  if (!Number.isNaN(concurrency)) out.concurrency = concurrency;
  const timeout = flagNumber(args, 'episode-timeout', NaN);
  if (!Number.isNaN(timeout)) out.episodeTimeoutMs = Math.round(timeout * 1000);
  const retries = flagNumber(args, 'infra-retries', NaN);
  if (!Number.isNaN(retries)) out.infraRetries = retries;
  return out;
}

export function runOptions(args: ParsedArgs): RunOptions {
  const grammar = flagString(args, 'grammar');
  if (grammar !== undefined && !(grammar in GRAMMARS)) {
    throw new UsageError(`--grammar must be one of ${Object.keys(GRAMMARS).join(', ')}, not "${grammar}".`);
  }
  const observation = flagString(args, 'observation');
  if (observation !== undefined && !isObservationFormat(observation)) {
    throw new UsageError(`--observation must be one of ${OBSERVATION_FORMATS.join(', ')}, not "${observation}".`);
  }
  const profile = flagString(args, 'stop-rules') ?? 'webarena';
  const maxSteps = flagNumber(args, 'max-steps', NaN);
  let stopRules: StopRules;
  try {
    stopRules = stopRulesFor(profile, Number.isNaN(maxSteps) ? {} : { maxSteps });
  } catch (err) {
    // Either the profile is unknown or the step limit is not a positive integer.
    throw new UsageError(`${profile in STOP_RULE_PROFILES ? '--max-steps' : '--stop-rules'}: ${(err as Error).message}`);
  }
  return {
    grammar: grammar as GrammarName | undefined,
    observationFormat: observation as ObservationFormat | undefined,
    stopRules,
    scheduler: schedulerOptions(args),
    ...llmOptions(args),
    checkpoint: flagString(args, 'checkpoint'),
  };
}
