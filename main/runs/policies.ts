import type { GrammarName } from '../actions/grammars';
import type { ObservationFormat } from '../agent/observation-view';
import { OraclePolicy } from '../agent/oracle-policy';
import type { Policy } from '../agent/policy';
import { WrongPolicy } from '../agent/wrong-policy';
import { DoNothingPolicy, RandomPolicy } from '../agent/random-policy';
import type { SandboxTaskInstance } from '../sandbox/types';

export const BUILT_IN_POLICIES = ['oracle', 'wrong', 'random', 'do-nothing'] as const;

/** Builds a fresh policy for one episode (policies keep per-episode state such as the oracle's cursor). */
export function createPolicy(
  name: string,
  ctx: { instance?: SandboxTaskInstance; resolveUrl(text: string): string; seed: number; grammar?: GrammarName; observationFormat?: ObservationFormat },
): Policy {
  switch (name) {
    case 'oracle':
      if (!ctx.instance) throw new Error('The oracle policy needs a sandbox task (it replays the family\'s solver).');
      return new OraclePolicy(ctx.instance.oracle, ctx.resolveUrl, ctx.grammar, ctx.observationFormat);
    case 'wrong':
      return new WrongPolicy(ctx.seed);
    case 'random':
      return new RandomPolicy(ctx.seed);
    case 'do-nothing':
      return new DoNothingPolicy();
    default:
      throw new Error(`Unknown policy "${name}". Available: ${BUILT_IN_POLICIES.join(', ')}.`);
  }
}
