import type { Action } from '../api/types';
import { GRAMMARS, type GrammarName } from '../actions/grammars';
import type { OracleStep } from '../sandbox/types';
import type { ObservationFormat } from './observation-view';
import { describeQuery, resolveQuery } from './resolve-query';
import { PolicyError, type Policy, type PolicyDecision, type PolicyInput } from './policy';

/** Whether the grammar's type appends to a field's text instead of replacing it (WebArena's does,
 * docs/design/WEBARENA.md §4.6): asked of the grammar's own parser, so a grammar decides in one place. */
function typeAppends(grammar: GrammarName): boolean {
  const text = GRAMMARS[grammar].render({ type: 'type', elementId: '1', text: 'x', pressEnter: false });
  return GRAMMARS[grammar].parse(grammar === 'webrl' ? text : `\`\`\`${text}\`\`\``).execution?.clearFirst === false;
}

/** The steps the oracle takes in this grammar: where its type appends, a step that replaces a field's text
 * first clears the field as a person would: click it, then select all and delete, or, for one word (a number,
 * which a long task retypes often), delete the word before the caret. WebArena reads Meta as Control off macOS;
 * on a Mac, Meta+Backspace deletes to the line's start. */
export function oraclePlanFor(plan: readonly OracleStep[], grammar: GrammarName): OracleStep[] {
  if (!typeAppends(grammar)) return [...plan];
  return plan.flatMap((step): OracleStep[] => {
    if (step.type !== 'type' || !step.replaceText) return [step];
    const focus: OracleStep = { type: 'click', target: step.target };
    if (step.replaceText === 'word') return [focus, { type: 'press', key: 'Meta+Backspace' }, step];
    return [focus, { type: 'press', key: 'Meta+a' }, { type: 'press', key: 'Backspace' }, step];
  });
}

/** Replays a sandbox family's solver. Each planned step names its target by role and name; the oracle
 * resolves it against the live observation and writes the action in the chosen grammar, with the id its
 * observation format shows (see observation-view.ts), so the reply goes
 * through the same parser and executor as any agent's (docs/design/SANDBOX.md §3.2). */
export class OraclePolicy implements Policy {
  readonly name = 'oracle';
  private next = 0;
  private readonly plan: readonly OracleStep[];

  constructor(
    plan: readonly OracleStep[],
    private readonly resolveUrl: (url: string) => string,
    readonly grammar: GrammarName = 'webarena',
    readonly observationFormat: ObservationFormat = 'axtree',
  ) {
    this.plan = oraclePlanFor(plan, grammar);
  }

  /** A fork replayed this step: the plan's next step is the one after it. */
  skipStep(): void {
    this.next++;
  }

  async decide(input: PolicyInput): Promise<PolicyDecision> {
    const step = this.plan[this.next];
    if (!step) throw new PolicyError(`The oracle plan has only ${this.plan.length} steps and never stopped.`);
    const action: Action = {
      type: step.type,
      text: step.text,
      pressEnter: step.pressEnter,
      key: step.key,
      direction: step.direction,
      url: step.url === undefined ? undefined : this.resolveUrl(step.url),
      tabIndex: step.tabIndex,
    };
    if (step.target) {
      const node = resolveQuery(input.observation.nodes, step.target);
      if (!node) {
        throw new PolicyError(
          `Oracle step ${this.next + 1}/${this.plan.length} (${step.type}) found no ${describeQuery(step.target)} on ${input.observation.url}.`,
        );
      }
      // The id as the policy's view shows it (WebRL HTML numbers elements 0, 1, 2…; the others use ours).
      const id = input.view ? input.view.idFor(node.id) : node.id;
      if (id === undefined) throw new PolicyError(`Oracle step ${this.next + 1}: ${describeQuery(step.target)} has no id in the ${this.observationFormat} view.`);
      action.elementId = id;
    }
    this.next++;
    const text = GRAMMARS[this.grammar].render(action);
    const reply = this.grammar === 'webrl' ? text : `\`\`\`${text}\`\`\``;
    return { reply: `Following the reference solution, step ${this.next} of ${this.plan.length}.\n${reply}`, reasoning: `oracle step ${this.next}` };
  }
}
