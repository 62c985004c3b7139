// SGO (docs/design/MIRA.md §3): before each action the agent reflects on which milestones are done, whether the current
// one is done and what comes next, against a progress vector that only the AutoRater advances (PolicyInput
// .progress). With no milestone completed for N steps it re-plans the remaining milestones from the page.
import type { GrammarName } from '../actions/grammars';
import type { SubgoalItem } from '../api/inference-types';
import { subgoalList } from '../prompts/slot-text';
import type { SubgoalPlan } from '../subgoals/plan';
import { InfrastructureFailure, infraFailureOf } from './infra-failure';
import { askPolicy, factsOf, policySlots, type LlmPolicyDeps } from './llm-policy-kit';
import type { ObservationFormat } from './observation-view';
import { PolicyError, type Policy, type PolicyDecision, type PolicyInput } from './policy';

/** Writes milestones into the plan: a first plan, or the pending part again (done ones kept). */
export interface SubgoalPlanner {
  readonly plan: SubgoalPlan;
  initial(input: PolicyInput): Promise<void>;
  replan(input: PolicyInput, done: readonly SubgoalItem[]): Promise<void>;
}

export class SgoPolicy implements Policy {
  readonly name = 'sgo';
  readonly grammar: GrammarName;
  readonly observationFormat: ObservationFormat;
  private lastAdvanceT = 0;
  private lastDone = 0;

  constructor(
    private readonly deps: LlmPolicyDeps,
    private readonly planner: SubgoalPlanner,
    private readonly replanAfterSteps: number,
  ) {
    this.grammar = deps.grammar;
    this.observationFormat = deps.observationFormat;
  }

  /** A fork replayed this step: the re-plan clock starts when SGO takes over, not at step 0. */
  skipStep(input: PolicyInput): void {
    this.lastAdvanceT = input.t + 1;
  }

  async decide(input: PolicyInput): Promise<PolicyDecision> {
    const plan = this.planner.plan;
    if (plan.items.length === 0) await this.guard('generate subgoals', () => this.planner.initial(input));
    // Before the first judgement the loop passes an empty vector: nothing is done yet.
    const progress = plan.items.map((_, k) => input.progress?.[k] ?? 0);
    const doneCount = progress.filter((p) => p === 1).length;
    if (doneCount > this.lastDone) {
      this.lastDone = doneCount;
      this.lastAdvanceT = input.t;
    }
    if (doneCount < plan.items.length && input.t - this.lastAdvanceT >= this.replanAfterSteps) {
      await this.guard('re-plan', () => this.planner.replan(input, plan.items.slice(0, doneCount)));
      this.lastAdvanceT = input.t;
    }
    const slots = { ...policySlots(factsOf(input), this.grammar, this.deps.homepage), ...sgoSlots(plan.items, progress) };
    return askPolicy(this.deps, 'policy-sgo', slots, input);
  }

  /** A plan that cannot be made (bad reply, provider down) ends the episode with the reason recorded. */
  private async guard(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      if (err instanceof PolicyError) throw err;
      const infra = infraFailureOf(err);
      if (infra) throw new InfrastructureFailure(infra.stopReason, `SGO could not ${what}: ${infra.message}`, { cause: err });
      throw new PolicyError(`SGO could not ${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** The reflection slots (docs/design/MIRA.md §3): the milestone list with confirmed ones ticked, done, current, next. */
export function sgoSlots(items: readonly SubgoalItem[], progress: readonly number[]): Record<string, string> {
  const doneCount = progress.filter((p) => p === 1).length;
  const current = items.findIndex((_, k) => progress[k] !== 1);
  return {
    subgoals: subgoalList(items, progress),
    done: doneCount === 0 ? '(none yet)' : items.filter((_, k) => progress[k] === 1).map((s) => s.text).join('; '),
    current: current < 0 ? 'All milestones are done: give the answer (if any) and stop.' : `${current + 1}. ${items[current].text}`,
    next: current < 0 || current + 1 >= items.length ? '(none: the current milestone is the last)' : `${current + 2}. ${items[current + 1].text}`,
  };
}
