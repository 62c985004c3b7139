import type { Policy, PolicyDecision, PolicyInput } from './policy';

/** A deliberately wrong baseline: wanders over a few seeded links, then stops with a made-up answer.
 * It proves the evaluators score failures as 0 (walking-skeleton "Must show"). */
export class WrongPolicy implements Policy {
  readonly name = 'wrong';
  private state: number;

  constructor(seed: number, private readonly wanderSteps = 2) {
    this.state = (seed >>> 0) || 1;
  }

  async decide(input: PolicyInput): Promise<PolicyDecision> {
    if (input.t >= this.wanderSteps) return { reply: '```stop [I could not find it]```' };
    const links = input.observation.nodes.filter((n) => n.role === 'link' && n.box);
    if (links.length === 0) return { reply: '```stop [I could not find it]```' };
    const pick = links[this.random() % links.length];
    return { reply: `\`\`\`click [${pick.id}]\`\`\`` };
  }

  private random(): number {
    // xorshift32: deterministic per seed, so a failing baseline episode can be replayed exactly.
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
}
