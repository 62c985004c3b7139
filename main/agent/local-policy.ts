import type { GrammarName } from '../actions/grammars';
import { GRAMMARS } from '../actions/grammars';
import { answerCandidates } from '../training/answer/answer-candidates';
import { candidateAction, intentValues, type Candidate, type IntentValue, type PastAction } from '../training/model/candidates';
import type { RawState } from '../training/model/features';
import type { LocalScorer } from '../training/model/local-scorer';
import { InfrastructureFailure } from './infra-failure';
import type { ObservationFormat } from './observation-view';
import { PolicyError, type Policy, type PolicyDecision, type PolicyInput } from './policy';
import { xorshift32 } from '../random/seeded-random';

/** One decision of the local policy, as the trainer records it (docs/design/MIRA.md §4.1: states, actions, log π). */
export interface LocalDecisionRecord {
  raw: RawState;
  /** Index of the chosen candidate in the state's candidate list. */
  index: number;
  /** π(a | s) of the chosen candidate under the acting model. */
  prob: number;
  candidates: number;
}

export interface LocalPolicyOptions {
  /** A loaded scorer, or a loader (e.g. loadLocalScorer(checkpointPath)) called on the first decision. */
  scorer: LocalScorer | (() => Promise<LocalScorer>);
  /** Reference subgoal texts: the current one is part of the state (docs/design/MIRA.md §3). */
  subgoals?: string[];
  /** Values typed or selected by candidates (intentValues of the task); default: quoted spans and numbers
   * of the intent. */
  values?: IntentValue[];
  /** 'greedy' (argmax; evaluation) or 'sample' (rollouts). Default greedy. */
  mode?: 'greedy' | 'sample';
  seed?: number;
  grammar?: GrammarName;
  observationFormat?: ObservationFormat;
  onDecision?(record: LocalDecisionRecord): void;
}

/** The trained local policy (issue 7): scores candidate actions (element × action type, typed text from the
 * intent's values, stop, and stop with an answer read from the page: docs/design/MIRA.md §4.19) with the tfjs model of a checkpoint and writes the chosen one in the grammar the
 * episode loop parses, so its episodes are recorded and scored like any other policy's. */
export class LocalPolicy implements Policy {
  readonly name = 'local';
  readonly grammar: GrammarName;
  readonly observationFormat: ObservationFormat;
  private scorer: LocalScorer | null;
  private readonly past: PastAction[] = [];
  private readonly rand: () => number;

  constructor(private readonly options: LocalPolicyOptions) {
    this.scorer = typeof options.scorer === 'function' ? null : options.scorer;
    this.grammar = options.grammar ?? 'webarena';
    this.observationFormat = options.observationFormat ?? 'axtree';
    // Math.imul keeps the product's low 32 bits exact for any seed (a float product loses them above ~3.4M, and
    // rollout seeds are hashed up to 2^32); below that it gives the same value as before.
    this.rand = xorshift32((Math.imul(options.seed ?? 0, 2654435761) + 1) >>> 0);
  }

  async decide(input: PolicyInput): Promise<PolicyDecision> {
    this.scorer ??= await loadScorer(this.options.scorer as () => Promise<LocalScorer>);
    const scorer = this.scorer;
    const raw: RawState = {
      intent: input.intent,
      values: this.options.values ?? intentValues(input.intent),
      subgoals: this.options.subgoals ?? [],
      progress: input.progress ?? null,
      t: input.t,
      nodes: scorer.elementsOf(input.observation.nodes),
      past: [...this.past],
      answers: answerCandidates(input.observation.nodes),
    };
    const { candidates, probs } = scorer.score(raw);
    const index = this.options.mode === 'sample' ? sampleIndex(probs, this.rand() / 4294967296) : argmax(probs);
    const chosen: Candidate = candidates[index];
    this.past.push({ kind: chosen.kind, elementName: chosen.element === undefined ? '' : raw.nodes[chosen.element].name, text: chosen.text ?? '' });
    this.options.onDecision?.({ raw, index, prob: probs[index], candidates: candidates.length });

    const action = candidateAction(chosen, raw.nodes);
    if (action.elementId !== undefined && input.view) {
      const id = input.view.idFor(action.elementId);
      if (id === undefined) throw new PolicyError(`The local policy chose element ${action.elementId}, which the ${this.observationFormat} view does not show.`);
      action.elementId = id;
    }
    const text = GRAMMARS[this.grammar].render(action);
    const reply = this.grammar === 'webrl' ? text : `\`\`\`${text}\`\`\``;
    const critic = scorer.critique(raw) ?? undefined;
    return { reply: `Local policy: p=${probs[index].toFixed(3)} over ${candidates.length} candidates.\n${reply}`, reasoning: `candidate ${index}`, critic };
  }
}

/** A checkpoint that exists (checked before the run) but does not load is an infrastructure failure. The
 * reason never quotes the file: a parse error would echo its first characters (issue 14). */
async function loadScorer(load: () => Promise<LocalScorer>): Promise<LocalScorer> {
  try {
    return await load();
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const why = err instanceof SyntaxError ? 'the file is not JSON' : message.replace(/ \(format [^)]*\)/, '').replace(/\.$/, '');
    throw new InfrastructureFailure('checkpoint_invalid', `The checkpoint could not be loaded: ${why}.`, { cause: err });
  }
}

function argmax(xs: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}

function sampleIndex(probs: readonly number[], u: number): number {
  let acc = 0;
  for (let i = 0; i < probs.length; i++) {
    acc += probs[i];
    if (u < acc) return i;
  }
  return probs.length - 1;
}
