import { GRAMMARS, type GrammarName } from '../actions/grammars';
import { isObservationFormat, OBSERVATION_FORMATS, type ObservationFormat } from '../agent/observation-view';
import { stopRulesFor, type StopRules } from '../agent/stop-rules';
import type { SchedulerSettings } from '../runs/scheduler';
import { flagNumber, flagString, type ParsedArgs } from './args';

/** The run settings `run` takes besides the tasks: `--grammar`, `--observation`, and the stop rules
 * (`--stop-rules webarena|vab-lite` — 3/3/30 or 5 repeats, WEBARENA.md "Actions" — with `--max-steps N`). */
export interface RunOptions {
  grammar?: GrammarName;
  observationFormat?: ObservationFormat;
  stopRules: StopRules;
  scheduler: Partial<SchedulerSettings>;
}

/** `--concurrency N` (parallel browser contexts), `--episode-timeout SECONDS`, `--infra-retries N`. */
export function schedulerOptions(args: ParsedArgs): Partial<SchedulerSettings> {
  const out: Partial<SchedulerSettings> = {};
  const concurrency = flagNumber(args, 'concurrency', NaN);
  if (!Number.isNaN(concurrency)) out.concurrency = concurrency;
  const timeout = flagNumber(args, 'episode-timeout', NaN);
  if (!Number.isNaN(timeout)) out.episodeTimeoutMs = timeout * 1000;
  const retries = flagNumber(args, 'infra-retries', NaN);
  if (!Number.isNaN(retries)) out.infraRetries = retries;
  return out;
}

export function runOptions(args: ParsedArgs): RunOptions {
  const grammar = flagString(args, 'grammar');
  if (grammar !== undefined && !(grammar in GRAMMARS)) {
    throw new Error(`--grammar must be one of ${Object.keys(GRAMMARS).join(', ')}, not "${grammar}".`);
  }
  const observation = flagString(args, 'observation');
  if (observation !== undefined && !isObservationFormat(observation)) {
    throw new Error(`--observation must be one of ${OBSERVATION_FORMATS.join(', ')}, not "${observation}".`);
  }
  const profile = flagString(args, 'stop-rules') ?? 'webarena';
  const maxSteps = flagNumber(args, 'max-steps', NaN);
  return {
    grammar: grammar as GrammarName | undefined,
    observationFormat: observation as ObservationFormat | undefined,
    stopRules: stopRulesFor(profile, Number.isNaN(maxSteps) ? {} : { maxSteps }),
    scheduler: schedulerOptions(args),
  };
}
