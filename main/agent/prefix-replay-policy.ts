// Fork (issue 8): re-run an episode from step k with another policy. This wrapper replays the source
// episode's recorded actions for steps 0..k-1 through the normal loop (same parser, executor, recording,
// monitor and evaluator), then hands every later step to the chosen policy. Sandbox state is fresh per
// episode, so the prefix reproduces the same pages; when it does not (an action fails, or the page is not the
// recorded one) the episode stops with 'fork_prefix_diverged' rather than letting the new policy start from
// an unknown state.
import type { Action } from '../api/types';
import { GRAMMARS, type GrammarName } from '../actions/grammars';
import { BlobStore } from '../store/blobs';
import type { ObservationFormat } from './observation-view';
import { PolicyError, type Policy, type PolicyDecision, type PolicyInput } from './policy';

/** One recorded step of the source episode, as the prefix needs it. */
export interface PrefixStep {
  t: number;
  /** The normalised action (our stable element ids); null when the source reply did not parse. */
  action: Action | null;
  /** The source's raw reply, replayed verbatim when the action is null (so it fails to parse again). */
  reply: string;
  actionError: string | null;
  url: string;
  /** `url` relative to its site (fork-sites.ts): what the replayed page's URL must match, whatever the port. */
  siteUrl?: string;
  /** Hash of the observation text the source saw at this step, site-relative like `siteUrl`, if recorded. */
  observationHash: string | null;
}

/** Makes a live page's URL and observation text relative to its site, as the prefix's were recorded. */
export interface SitePage {
  url(url: string): string;
  text(text: string): string;
}

/** Marks a replayed step's reply, so the raw reply tab says where it came from. */
export const PREFIX_REPLY_MARK = '[fork prefix]';

export class PrefixReplayPolicy implements Policy {
  readonly name: string;
  readonly grammar: GrammarName;
  readonly observationFormat: ObservationFormat;

  constructor(
    private readonly inner: Policy,
    private readonly prefix: readonly PrefixStep[],
    private readonly sourceEpisodeId: string,
    /** The live page's URL and text made site-relative, as the recorded ones were (identity by default). */
    private readonly sitePage: SitePage = { url: (u) => u, text: (t) => t },
  ) {
    // The episode is recorded under the policy that takes over; the prefix is told apart by fork_step.
    this.name = inner.name;
    this.grammar = inner.grammar ?? 'webarena';
    this.observationFormat = inner.observationFormat ?? 'axtree';
  }

  async decide(input: PolicyInput): Promise<PolicyDecision> {
    // The previous replayed action must have fared as it did in the source (failed iff it failed there).
    if (input.t > 0 && input.t <= this.prefix.length) this.checkOutcome(this.prefix[input.t - 1], input);
    if (input.t >= this.prefix.length) return this.inner.decide(input);
    const step = this.prefix[input.t];
    this.checkPage(step, input);
    const reply = step.action ? this.render(step.action, input) : step.reply;
    this.inner.skipStep?.(input);
    return { reply: `${PREFIX_REPLY_MARK} Replaying step ${step.t + 1} of episode ${this.sourceEpisodeId}.\n${reply}`, reasoning: `fork prefix step ${step.t + 1}` };
  }

  private checkPage(step: PrefixStep, input: PolicyInput): void {
    // Site-relative (docs/design/SANDBOX.md §1): the sandbox's port differs between processes.
    const live = this.sitePage.url(input.observation.url);
    if (live !== (step.siteUrl ?? step.url)) {
      this.diverged(step.t, `the page is ${input.observation.url} (${live}), but the source episode was on ${step.url} (${step.siteUrl ?? step.url})`);
    }
    if (step.observationHash && BlobStore.hashOf(this.sitePage.text(input.observation.text)) !== step.observationHash) {
      this.diverged(step.t, `the page's content differs from what the source episode saw on ${step.url}`);
    }
  }

  private checkOutcome(step: PrefixStep, input: PolicyInput): void {
    const entry = input.history.find((h) => h.t === step.t);
    const error = entry?.error ?? null;
    if (error && !step.actionError) this.diverged(step.t, `replaying its action failed: ${error}`);
    if (!error && step.actionError) this.diverged(step.t, `its action failed in the source episode (${step.actionError}) but succeeded when replayed`);
  }

  /** The recorded action in the taking-over policy's grammar, with the id its observation view shows. */
  private render(action: Action, input: PolicyInput): string {
    const copy = { ...action };
    if (copy.elementId !== undefined) {
      const id = input.view ? input.view.idFor(copy.elementId) : copy.elementId;
      if (id === undefined) this.diverged(input.t, `element [${copy.elementId}] of the recorded action is not on the page`);
      copy.elementId = id;
    }
    const text = GRAMMARS[this.grammar].render(copy);
    return this.grammar === 'webrl' ? text : `\`\`\`${text}\`\`\``;
  }

  private diverged(t: number, why: string): never {
    throw new PolicyError(
      `fork_prefix_diverged at step ${t + 1}: ${why}. The fork replays steps 1–${this.prefix.length} of episode ${this.sourceEpisodeId} before the new policy takes over.`,
      'fork_prefix_diverged',
    );
  }
}
