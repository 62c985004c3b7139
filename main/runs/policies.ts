import type { GrammarName } from '../actions/grammars';
import type { ObservationFormat } from '../agent/observation-view';
import { OraclePolicy } from '../agent/oracle-policy';
import type { Policy } from '../agent/policy';
import { WrongPolicy } from '../agent/wrong-policy';
import { LocalPolicy } from '../agent/local-policy';
import { intentValues } from '../training/model/candidates';
import { DoNothingPolicy, RandomPolicy } from '../agent/random-policy';
import type { LlmEpisodeContext } from '../agent/llm-services';
import { ReactPolicy } from '../agent/react-policy';
import { SgoPolicy } from '../agent/sgo-policy';
import type { SandboxTaskInstance } from '../sandbox/types';
import { isMember, POLICY_IDS, type PolicyId } from '../api/registries';

/** The built-in policies are a registry (main/api/registries.ts). */
export const BUILT_IN_POLICIES = POLICY_IDS;

/** What a policy may need to be built for one episode. */
export interface PolicyContext {
  instance?: SandboxTaskInstance;
  resolveUrl(text: string): string;
  seed: number;
  grammar?: GrammarName;
  observationFormat?: ObservationFormat;
  llm?: LlmEpisodeContext;
  /** 'local': the trained policy's checkpoint file or directory (default: env MIRA_LOCAL_CHECKPOINT). */
  checkpoint?: string;
}

/** One builder per registered policy: a Record, so a policy added to the registry does not compile until it
 * says how it is built. */
const FACTORIES: Record<PolicyId, (ctx: PolicyContext) => Policy> = {
  oracle(ctx) {
    if (!ctx.instance) throw new Error('The oracle policy needs a sandbox task (it replays the family\'s solver).');
    return new OraclePolicy(ctx.instance.oracle, ctx.resolveUrl, ctx.grammar, ctx.observationFormat);
  },
  wrong: (ctx) => new WrongPolicy(ctx.seed),
  random: (ctx) => new RandomPolicy(ctx.seed),
  'do-nothing': () => new DoNothingPolicy(),
  // LLM policies (docs/design/MIRA.md §3): the run wires their client, plan and AutoRater (Inference.episodeContext).
  react(ctx) {
    if (!ctx.llm) throw new Error('The react policy needs an LLM provider.');
    return new ReactPolicy(ctx.llm.policy);
  },
  sgo(ctx) {
    if (!ctx.llm) throw new Error('The sgo policy needs an LLM provider.');
    return new SgoPolicy(ctx.llm.policy, ctx.llm.planner, ctx.llm.settings.replanAfterSteps);
  },
  // The trained local policy (docs/design/MIRA.md §4); its tfjs runtime loads on the first decision.
  local(ctx) {
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
  },
};

/** Builds a fresh policy for one episode (policies keep per-episode state such as the oracle's cursor). */
export function createPolicy(name: string, ctx: PolicyContext): Policy {
  if (!isMember(POLICY_IDS, name)) throw new Error(`Unknown policy "${name}". Available: ${POLICY_IDS.join(', ')}.`);
  return FACTORIES[name](ctx);
}
