import type { Policy, PolicyDecision, PolicyInput } from './policy';
import { xorshift32 } from '../random/seeded-random';

/** A deliberately wrong baseline: wanders over a few seeded links, then stops with a made-up answer.
 * It proves the evaluators score failures as 0 (walking-skeleton "Must show"). */
export class WrongPolicy implements Policy {
  readonly name = 'wrong';
  private readonly random: () => number;

  constructor(seed: number, private readonly wanderSteps = 2) {
    this.random = xorshift32(seed);
  }

  async decide(input: PolicyInput): Promise<PolicyDecision> {
    if (input.t >= this.wanderSteps) return { reply: '```stop [I could not find it]```' };
    const links = input.observation.nodes.filter((n) => n.role === 'link' && n.box);
    if (links.length === 0) return { reply: '```stop [I could not find it]```' };
    const pick = links[this.random() % links.length];
    return { reply: `\`\`\`click [${pick.id}]\`\`\`` };
  }
}
