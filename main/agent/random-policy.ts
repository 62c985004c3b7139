import type { ObservedNode } from '../browser/observation-types';
import type { Policy, PolicyDecision, PolicyInput } from './policy';
import { xorshift32 } from '../random/seeded-random';

/** The floor every task must sit well above (issue 4: "a random policy scores ~0"): uniformly random
 * clicks, typing of intent words and scrolling on interactive elements for up to `maxSteps` steps, then a
 * stop whose answer is a random text the page shows. Seeded, so a baseline episode replays exactly. */
export class RandomPolicy implements Policy {
  readonly name = 'random';
  private readonly next: () => number;

  constructor(seed: number, private readonly maxSteps = 12) {
    this.next = xorshift32(seed);
  }

  async decide(input: PolicyInput): Promise<PolicyDecision> {
    const nodes = input.observation.nodes.filter((n) => n.interactive && n.box);
    if (input.t >= this.maxSteps || nodes.length === 0) {
      const texts = pageTexts(input.observation.nodes);
      return { reply: `\`\`\`stop [${texts.length ? texts[this.next() % texts.length] : ''}]\`\`\`` };
    }
    const node = nodes[this.next() % nodes.length];
    const roll = this.next() % 10;
    if (node.role === 'textbox' || node.role === 'searchbox' || roll === 0) {
      const words = input.intent.split(/\s+/).filter(Boolean);
      return { reply: `\`\`\`type [${node.id}] [${words[this.next() % words.length] ?? 'x'}] [1]\`\`\`` };
    }
    if (roll === 1) return { reply: '```scroll [down]```' };
    return { reply: `\`\`\`click [${node.id}]\`\`\`` };
  }
}

/** The texts the page shows (its nodes' names: text runs, link and button labels), not the observation's
 * ids and role words, so a random answer is one a person might have copied off the page. A text the WebArena
 * grammar cannot write in stop [...] (a line break, a ```) is left out. */
function pageTexts(nodes: readonly ObservedNode[]): string[] {
  return nodes.map((n) => n.name.trim()).filter((name) => name !== '' && !/\n|```/.test(name));
}

/** The do-nothing baseline: stops at once with an empty answer. */
export class DoNothingPolicy implements Policy {
  readonly name = 'do-nothing';
  async decide(): Promise<PolicyDecision> {
    return { reply: '```stop []```' };
  }
}
