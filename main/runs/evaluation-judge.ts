// The LLM judge an episode's WebArena checks are scored with (fuzzy_match and the N/A rule, docs/design/WEBARENA.md
// §2.2). Which LLM is a setting (Settings' judge, `run --judge-provider/--judge-model`): by default the run's own,
// or a fixed judge model as the originals fix gpt-4-1106-preview, so runs of different agents (an oracle or a
// baseline included, which have no LLM of their own) are judged alike. A run fixes its judge when it starts and
// records it (config.judge); every call is recorded with the episode like the policy's, and cut short by the
// episode's abort.
import type { LlmSelection } from '../api/inference-types';
import type { WorkbenchSettings } from '../api/settings';
import type { TaskRecord } from '../api/types';
import type { LlmServices } from '../agent/llm-services';
import { JudgeUnavailableError, type FuzzyJudge } from '../eval/fuzzy';
import { judgedChecksOf } from '../eval/needs-judge';
import { llmFuzzyJudge } from '../llm/fuzzy-judge';

export interface JudgeRequest {
  task: Pick<TaskRecord, 'config'>;
  episodeId: string;
  /** The run's judge (config.judge, fixed by the preflight); a run recorded before judges were: its LLM. */
  llm?: LlmSelection;
  signal?: AbortSignal;
}

/** The judge of one episode; undefined when its task has no judged check. Without LLM services, or with an
 * LLM that cannot be used, a judge that refuses, so the episode is recorded as not scored with the reason. */
export async function episodeJudge(inference: LlmServices | undefined, request: JudgeRequest): Promise<FuzzyJudge | undefined> {
  if (judgedChecksOf(request.task.config).length === 0) return undefined;
  if (!inference) return refusingJudge('this workbench has no LLM services');
  let resolved: Awaited<ReturnType<LlmServices['llm']>>;
  try {
    resolved = await inference.llm(request.llm);
  } catch (err) {
    return refusingJudge(err instanceof Error ? err.message : String(err));
  }
  const { recorder, model, thinkingBudget } = resolved;
  return llmFuzzyJudge({
    generate: async (req) => (await recorder.call({ ...req, thinkingBudget, signal: request.signal }, { episodeId: request.episodeId, t: null })).response,
  }, model);
}

function refusingJudge(why: string): FuzzyJudge {
  return {
    judge: () => Promise.reject(new JudgeUnavailableError(`this task is scored by an LLM judge (fuzzy_match), and none can be used: ${why}`)),
  };
}

/** What a run asks for: its own LLM, and the judge it recorded when it started (a resume keeps that one). */
export interface JudgeChoice {
  llm?: LlmSelection;
  judge?: LlmSelection;
}

/** The judge a recorded run keeps (a resume, and a fork judged like its source episode): the one it recorded,
 * else its own LLM ({}: Settings' provider), which judged the episodes of a run started before judges were
 * recorded (a run with no judged task records none either, and then no judge is asked). */
export function keptJudge(config: JudgeChoice): LlmSelection {
  return config.judge ?? config.llm ?? {};
}

const RECORDED = "the run's recorded judge";
/** What to set when a judge cannot be used: a resumed run keeps the judge it recorded, so only its provider's
 * key and URL can change. */
const whatToSet = (origin: string) => origin === RECORDED
  ? "A run keeps the judge it started with: set that provider's key and base URL in Settings (for a judge with a server of its own, the judge's API key), or start a new run of those tasks."
  : 'Set the judge LLM in Settings (Language model → Judge), or give run --judge-provider, --judge-model and --judge-base-url, or leave those tasks out.';

/** The selection that judges a run's episodes and where it came from: the recorded judge, else Settings'
 * judge (provider 'run': the run's LLM). Without settings (a bare core), the run's LLM. */
export function judgeSelection(choice: JudgeChoice, settings: WorkbenchSettings | undefined): { selection: LlmSelection; origin: string } {
  if (choice.judge) return { selection: choice.judge, origin: RECORDED };
  const judge = settings?.judge;
  if (!judge || judge.provider === 'run') return { selection: choice.llm ?? {}, origin: "the run's LLM" };
  const own = { ...(judge.model ? { model: judge.model } : {}), ...(judge.baseUrl ? { baseUrl: judge.baseUrl } : {}) };
  return { selection: { provider: judge.provider, ...own }, origin: 'the judge LLM set in Settings' };
}

/** What Settings' judge at an OpenAI-compatible server lacks before any call (a server, a model), said in the
 * judge's own terms rather than as the run's LLM settings; null when nothing is missing. */
function judgeSettingsGap(settings: WorkbenchSettings | undefined): string | null {
  const judge = settings?.judge;
  if (!settings || judge?.provider !== 'openai-compatible') return null;
  const missing = [
    !judge.baseUrl && !settings.openaiCompatible.baseUrl && "a server (the judge's base URL in Settings → Judge or run --judge-base-url, or the OpenAI-compatible base URL)",
    !judge.model && !settings.openaiCompatible.model && 'a model (Settings → Judge or run --judge-model)',
  ].filter((m): m is string => typeof m === 'string');
  return missing.length ? `the OpenAI-compatible judge lacks ${missing.join(' and ')}.` : null;
}

/** The preflight's check and fix (runs/preflight.ts): the judge of the run's judged tasks, provider and model
 * named, to record with the run; undefined when no task is judged (or the provider cannot be named without
 * settings). Throws, naming the tasks and what to set, when that judge cannot be used. */
export async function fixRunJudge(
  inference: LlmServices | undefined,
  readSettings: (() => Promise<WorkbenchSettings>) | undefined,
  choice: JudgeChoice,
  tasks: readonly Pick<TaskRecord, 'id' | 'config'>[],
): Promise<{ judge: LlmSelection | undefined; endpoint: string | null }> {
  const judged = tasks.filter((t) => judgedChecksOf(t.config).length > 0).map((t) => t.id);
  if (judged.length === 0) return { judge: undefined, endpoint: null };
  // Read only now: a run with no judged task does not depend on settings.json.
  const settings = await readSettings?.();
  const { selection, origin } = judgeSelection(choice, settings);
  const named = `${judged.slice(0, 5).join(', ')}${judged.length > 5 ? ` and ${judged.length - 5} more` : ''}`;
  const lead = `${judged.length} task(s) (${named}) are scored by an LLM judge (fuzzy_match), which is ${origin}`;
  if (!inference) throw new Error(`${lead}, and this workbench has no LLM services.`);
  const gap = choice.judge ? null : judgeSettingsGap(settings);
  if (gap) throw new Error(`${lead}: ${gap} ${whatToSet(origin)}`);
  let resolved: Awaited<ReturnType<LlmServices['llm']>>;
  try {
    resolved = await inference.llm(selection);
  } catch (err) {
    throw new Error(`${lead}: ${err instanceof Error ? err.message : String(err)} ${whatToSet(origin)}`);
  }
  const fallback = settings && settings.provider !== 'none' ? settings.provider : undefined;
  const provider = selection.provider ?? fallback;
  // Provider, model and the judge's own server; never its key (settings/judge-endpoint.ts).
  const judge = provider && {
    provider, model: resolved.model, ...(selection.baseUrl ? { baseUrl: selection.baseUrl } : {}),
    ...(resolved.thinkingBudget === undefined ? {} : { thinkingBudget: resolved.thinkingBudget }),
  };
  return { judge, endpoint: await inference.endpoint(selection) };
}
