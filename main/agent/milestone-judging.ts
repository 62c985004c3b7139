// The episode loop's call of its subgoal monitor after each action (docs/design/MIRA.md §3.1): the verdicts are
// stored as they are made, and a judgement that fails says how it failed instead of vanishing.
import type { SubgoalMonitor, MonitorInput, SubgoalVerdict } from '../subgoals/monitor';
import { InfrastructureFailure, infraFailureOf } from './infra-failure';

export interface MilestoneJudging {
  monitor: SubgoalMonitor;
  episodeId: string;
  /** The episode's abort: a judgement it cut short ends the episode as cancelled / time limit. */
  signal?: AbortSignal;
  onVerdicts?(episodeId: string, t: number, verdicts: SubgoalVerdict[]): void | Promise<void>;
}

/** Runs the monitor after step `input.t`'s action and returns the new progress vector. The abort and an
 * infrastructure failure (the judge's provider down, storage failing) end the episode like the policy's would:
 * an outage is never a "not done" verdict that counts against the agent. Any other failure keeps the previous
 * progress (milestones are never lost, only not advanced) and is recorded as the pending milestone's verdict. */
export async function judgeMilestones(ctx: MilestoneJudging, input: MonitorInput, previous: number[]): Promise<number[]> {
  const started = performance.now();
  try {
    const judged = await ctx.monitor.afterAction(input);
    if (judged.verdicts.length > 0) await ctx.onVerdicts?.(ctx.episodeId, input.t, judged.verdicts);
    return judged.progress;
  } catch (err) {
    if (ctx.signal?.aborted) throw err;
    const infra = infraFailureOf(err);
    if (infra) throw new InfrastructureFailure(infra.stopReason, `The milestones could not be judged after step ${input.t + 1}: ${firstLine(err)}`, { cause: err });
    const pending = previous.indexOf(0);
    if (pending >= 0) await ctx.onVerdicts?.(ctx.episodeId, input.t, [failureVerdict(ctx.monitor, pending, err, performance.now() - started)]);
    return previous;
  }
}

/** The record of a judgement that could not be made: "not done", with the error as its evidence. */
function failureVerdict(monitor: SubgoalMonitor, index: number, err: unknown, latencyMs: number): SubgoalVerdict {
  const item = monitor.subgoals[index] as { text: string; predicate?: unknown };
  const callId = (err as { callId?: unknown } | null)?.callId; // a failed LLM judge call's stored row
  return {
    index,
    done: false,
    evidence: `The milestones from ${index + 1} on could not be judged: ${firstLine(err)}; progress kept.`,
    judge: item.predicate ? 'predicate' : 'llm',
    latencyMs,
    ...(typeof callId === 'number' ? { llmCallId: callId } : {}),
  };
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
