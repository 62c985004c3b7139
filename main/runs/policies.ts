import type { GrammarName } from '../actions/grammars';
import type { ObservationFormat } from '../agent/observation-view';
import { OraclePolicy } from '../agent/oracle-policy';
import type { Policy } from '../agent/policy';
import { WrongPolicy } from '../agent/wrong-policy';
import { LocalPolicy } from '../agent/local-policy';
import { intentValues } from '../training/model/candidates';
import { DoNothingPolicy, RandomPolicy } from '../agent/random-policy';
import type { LlmEpisodeContext } from '../agent/inference';
import { ReactPolicy } from '../agent/react-policy';
import { SgoPolicy } from '../agent/sgo-policy';
import type { SandboxTaskInstance } from '../sandbox/types';

export const BUILT_IN_POLICIES = ['oracle', 'wrong', 'random', 'do-nothing', 'react', 'sgo', 'local'] as const;

/** Builds a fresh policy for one episode (policies keep per-episode state such as the oracle's cursor). */
export function createPolicy(
  name: string,
  ctx: { instance?: SandboxTaskInstance; resolveUrl(text: string): string; seed: number; grammar?: GrammarName; observationFormat?: ObservationFormat; llm?: LlmEpisodeContext;
    /** 'local': the trained policy's checkpoint file or directory (default: env MIRA_LOCAL_CHECKPOINT). */
    checkpoint?: string },
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
    // LLM policies (docs/design/MIRA.md §3): the run wires their client, plan and AutoRater (Inference.episodeContext).
    case 'react':
      if (!ctx.llm) throw new Error('The react policy needs an LLM provider.');
      return new ReactPolicy(ctx.llm.policy);
    case 'sgo':
      if (!ctx.llm) throw new Error('The sgo policy needs an LLM provider.');
      return new SgoPolicy(ctx.llm.policy, ctx.llm.planner, ctx.llm.settings.replanAfterSteps);
    // The trained local policy (docs/design/MIRA.md §4); its tfjs runtime loads on the first decision.
    case 'local': {
      const checkpoint = ctx.checkpoint ?? process.env.MIRA_LOCAL_CHECKPOINT;
      if (!checkpoint) throw new Error('The local policy needs a checkpoint (a phase-<n>.json file or a checkpoint directory).');
      const intent = typeof ctx.instance?.config.intent === 'string' ? ctx.instance.config.intent : '';
      const instantiation = ctx.instance?.config.instantiation_dict as Record<string, unknown> | undefined;
      return new LocalPolicy({
        scorer: () => import('../training/model/local-scorer').then((m) => m.loadLocalScorer(checkpoint)),
        subgoals: ctx.instance?.subgoals.map((g) => g.text),
        values: ctx.instance ? intentValues(intent, instantiation) : undefined,
        seed: ctx.seed, grammar: ctx.grammar, observationFormat: ctx.observationFormat,
      });
    }
    default:
      throw new Error(`Unknown policy "${name}". Available: ${BUILT_IN_POLICIES.join(', ')}.`);
  }
}
