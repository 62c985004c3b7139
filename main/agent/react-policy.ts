// Plain ReAct: reason, then act, from the page and the action log (the SGO baseline, docs/design/MIRA.md §3).
import type { GrammarName } from '../actions/grammars';
import { askPolicy, factsOf, policySlots, type LlmPolicyDeps } from './llm-policy-kit';
import type { ObservationFormat } from './observation-view';
import type { Policy, PolicyDecision, PolicyInput } from './policy';

export class ReactPolicy implements Policy {
  readonly name = 'react';
  readonly grammar: GrammarName;
  readonly observationFormat: ObservationFormat;

  constructor(private readonly deps: LlmPolicyDeps) {
    this.grammar = deps.grammar;
    this.observationFormat = deps.observationFormat;
  }

  decide(input: PolicyInput): Promise<PolicyDecision> {
    return askPolicy(this.deps, 'policy-react', policySlots(factsOf(input), this.grammar, this.deps.homepage), input);
  }
}
