// The AutoRater as the episode loop's SubgoalMonitor (docs/design/MIRA.md §3.1): after each action it judges the pending
// milestones in order — by predicate where the subgoal has one, otherwise by the LLM from the action log and
// the current page — and stops at the first "no". A milestone once done stays done, so the progress vector
// only advances, and only on a yes.
import type { SubgoalPredicate } from '../sandbox/types';
import { observe } from '../browser/observe';
import type { LoggedAction } from '../prompts/slot-text';
import { judgeWithLlm, type JudgeDeps } from './llm-judge';
import type { MonitorInput, SubgoalMonitor, SubgoalVerdict } from './monitor';
import type { SubgoalPlan } from './plan';
import { checkPredicate } from './predicates';

export interface AutoRaterOptions {
  intent: string;
  /** The autorater prompt's text (latest version when the episode starts). */
  template: string;
  judge: JudgeDeps;
}

export class AutoRater implements SubgoalMonitor {
  private progress: number[] = [];
  private readonly log: LoggedAction[] = [];

  constructor(private readonly plan: SubgoalPlan, private readonly options: AutoRaterOptions) {}

  get subgoals() {
    return this.plan.items;
  }

  async afterAction(input: MonitorInput): Promise<{ progress: number[]; verdicts: SubgoalVerdict[] }> {
    // A failed action is logged with its error, as the policy's own history has it: "click [12]" alone reads as done.
    this.log.push({ t: input.t, actionText: input.actionText, error: input.actionError ?? null, url: input.observation.url });
    const items = this.plan.items;
    // A re-plan keeps the done prefix and rewrites the rest, so the vector keeps its ones.
    this.progress = items.map((_, k) => this.progress[k] ?? 0);
    const before = [...this.progress];
    try {
      return await this.judgePending(input, items);
    } catch (err) {
      // The loop keeps the progress it had when a judgement fails (agent/milestone-judging.ts); so does the
      // AutoRater, so a yes it gave earlier in this step is asked again, not counted without a stored verdict.
      this.progress = before;
      throw err;
    }
  }

  private async judgePending(input: MonitorInput, items: SubgoalPlan['items']): Promise<{ progress: number[]; verdicts: SubgoalVerdict[] }> {
    const verdicts: SubgoalVerdict[] = [];
    let page: { url: string; text: string; screenshot: Buffer | null } | null = null;
    for (let k = this.progress.indexOf(0); k >= 0 && k < items.length; k++) {
      const started = performance.now();
      const predicate = items[k].predicate;
      let verdict: SubgoalVerdict;
      if (predicate) {
        const result = await checkPredicate(predicate as SubgoalPredicate, { page: input.session.page, checkState: input.checkState });
        verdict = { index: k, done: result.holds, evidence: result.evidence, judge: 'predicate', latencyMs: performance.now() - started };
      } else {
        // The page after the action, observed once per step however many milestones are judged.
        page ??= await observe(input.session);
        const j = await judgeWithLlm(this.options.judge, {
          template: this.options.template,
          // The episode's own instruction (one per seed for MiniWoB++) over the task's, which only names it.
          intent: input.intent ?? this.options.intent,
          items,
          index: k,
          history: this.log,
          url: page.url,
          observation: page.text,
          screenshot: page.screenshot ?? undefined,
          link: { episodeId: this.plan.episodeId, t: input.t },
        });
        verdict = { index: k, done: j.done, evidence: j.evidence, judge: 'llm', latencyMs: j.latencyMs, model: j.model, llmCallId: j.callId };
      }
      verdicts.push(verdict);
      if (!verdict.done) break;
      this.progress[k] = 1;
    }
    return { progress: [...this.progress], verdicts };
  }
}
