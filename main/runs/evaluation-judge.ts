// The LLM judge an episode's WebArena checks are scored with (fuzzy_match and the N/A rule, docs/design/WEBARENA.md
// §2.2): the run's LLM selection (Settings' model when the run names none), every call recorded with the
// episode like the policy's, and cut short by the episode's abort. The originals judge with gpt-4-1106-preview,
// so a run's numbers compare with published ones only as far as its judge model does.
import type { LlmSelection } from '../api/inference-types';
import type { TaskRecord } from '../api/types';
import type { LlmServices } from '../agent/llm-services';
import { JudgeUnavailableError, type FuzzyJudge } from '../eval/fuzzy';
import { judgedChecksOf } from '../eval/needs-judge';
import { llmFuzzyJudge } from '../llm/fuzzy-judge';

export interface JudgeRequest {
  task: Pick<TaskRecord, 'config'>;
  episodeId: string;
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

/** The preflight's check (runs/preflight.ts): the tasks that need a judge, and whether the run's LLM can be one. */
export async function judgeProblem(inference: LlmServices | undefined, llm: LlmSelection | undefined, tasks: readonly Pick<TaskRecord, 'id' | 'config'>[]): Promise<string | null> {
  const judged = tasks.filter((t) => judgedChecksOf(t.config).length > 0).map((t) => t.id);
  if (judged.length === 0) return null;
  const named = `${judged.slice(0, 5).join(', ')}${judged.length > 5 ? ` and ${judged.length - 5} more` : ''}`;
  const lead = `${judged.length} task(s) (${named}) are scored by an LLM judge (fuzzy_match), which is the run's LLM`;
  if (!inference) return `${lead}, and this workbench has no LLM services.`;
  try {
    await inference.llm(llm);
    return null;
  } catch (err) {
    return `${lead}: ${err instanceof Error ? err.message : String(err)} Configure an LLM in Settings, or leave those tasks out.`;
  }
}
