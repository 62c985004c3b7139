// Fork (issue 8): a new run for the source episode's task whose episode replays the source's first `fromStep`
// actions and then hands over to another policy (prefix-replay-policy.ts). The run's config records the fork,
// so a fork whose process died resumes like any run.
import type { ForkRequest } from '../api/contract';
import type { LlmSelection } from '../api/inference-types';
import type { ForkProvenance } from '../api/types';
import { PrefixReplayPolicy, type PrefixStep } from '../agent/prefix-replay-policy';
import type { Policy } from '../agent/policy';
import { isLlmPolicy } from '../agent/sgo-settings';
import type { Store } from '../store';
import { BlobStore } from '../store/blobs';
import { siteBases, siteRelativeText, siteRelativeUrl, sourceBases, type SiteBase } from './fork-sites';
import { BUILT_IN_POLICIES } from './policies';
import { isMember, POLICIES, type PolicyId } from '../api/registries';
import type { RunTasksDeps, RunTasksRequest } from './types';
import { keptJudge } from './evaluation-judge';
import { parseRunConfig } from '../api/run-config';

/** Checks a fork request against the store (the episode exists, the step is in range, the policy is known and
 * can run this task) and returns the run request, or throws an Error that says what is wrong. */
export async function forkRunRequest(deps: RunTasksDeps, request: ForkRequest): Promise<RunTasksRequest> {
  const source = await deps.store.episodes.get(request.episodeId);
  if (!source) throw new Error(`Cannot fork: no episode with id ${request.episodeId}.`);
  const steps = source.stepCount;
  if (steps === 0) throw new Error(`Cannot fork episode ${source.id}: it has no recorded steps.`);
  if (!Number.isInteger(request.fromStep) || request.fromStep < 0 || request.fromStep >= steps) {
    throw new Error(`Cannot fork episode ${source.id} from step ${request.fromStep}: it has steps 0–${steps - 1} (t, 0-based).`);
  }
  if (!isMember(BUILT_IN_POLICIES, request.policy)) {
    throw new Error(`Cannot fork with unknown policy "${request.policy}". Available: ${BUILT_IN_POLICIES.join(', ')}.`);
  }
  if (POLICIES[request.policy].kind === 'sandbox' && !deps.catalog?.get(source.taskId)) {
    throw new Error(`Cannot fork with the oracle: task ${source.taskId} is not a sandbox task (the oracle replays a sandbox solver).`);
  }
  const llm = isLlmPolicy(request.policy);
  if (!llm && (request.llm || request.promptVersion !== undefined || request.subgoalSetId !== undefined)) {
    throw new Error(`Model, prompt and subgoal versions apply to the LLM policies (react, sgo), not to "${request.policy}".`);
  }
  if (llm && request.promptVersion !== undefined) await checkPromptVersion(deps, request.policy, request.promptVersion);
  // Judged as the source episode was (its run's judge, not today's Settings): the two are compared on one scale
  // (docs/design/WEBARENA.md §2.2).
  const judge = source.runId ? await sourceJudge(deps, source.runId) : undefined;
  return {
    taskIds: [source.taskId],
    policy: request.policy,
    // The source's seed: the same per-episode environment (MiniWoB++ pages are made per seed).
    seed: source.seed,
    ...(request.llm ? { llm: request.llm } : {}),
    ...(judge ? { judge } : {}),
    ...(request.promptVersion !== undefined ? { promptVersion: request.promptVersion } : {}),
    ...(request.checkpoint ? { checkpoint: request.checkpoint } : {}),
    // A hand-corrected version, pinned by id: SGO acts on it instead of generating (main/subgoals/pinned-set.ts).
    ...(request.subgoalSetId !== undefined ? { sgo: { subgoalSetId: request.subgoalSetId } } : {}),
    fork: { episodeId: source.id, step: request.fromStep },
  };
}

/** The judge the source episode's run keeps (evaluation-judge.ts keptJudge); undefined when that run or its
 * config cannot be read, and the fork is judged as a new run is. */
async function sourceJudge(deps: RunTasksDeps, runId: string): Promise<LlmSelection | undefined> {
  const run = await deps.store.runs.get(runId);
  if (!run) return undefined;
  try {
    return keptJudge(parseRunConfig(run));
  } catch {
    return undefined;
  }
}

async function checkPromptVersion(deps: RunTasksDeps, policy: PolicyId, version: number): Promise<void> {
  const name = POLICIES[policy].prompt ?? 'policy-react';
  const prompts = deps.inference?.prompts;
  if (!prompts) throw new Error(`The ${policy} policy needs the LLM services of a core.`);
  const known = (await prompts.versions(name)).map((p) => p.version).reverse();
  if (known.includes(version)) return;
  throw new Error(`Prompt ${name} has no version ${version}; it has version${known.length === 1 ? '' : 's'} ${known.join(', ')}.`);
}

/** The source's steps 0..step-1 as the prefix replayer needs them (raw replies only where the action did not
 * parse). URLs and observation texts are made relative to their site with the bases the source's process had
 * (fork-sites.ts), so an episode another process recorded replays here. */
export async function loadPrefix(store: Store, fork: ForkProvenance, live: readonly SiteBase[] = []): Promise<PrefixStep[]> {
  const steps = (await store.steps.list(fork.episodeId)).filter((s) => s.t < fork.step);
  if (steps.length !== fork.step) throw new Error(`Episode ${fork.episodeId} no longer has the ${fork.step} steps this fork replays.`);
  const source = await store.episodes.get(fork.episodeId);
  const task = source && (await store.tasks.get(source.taskId));
  const bases = task ? sourceBases(task, live, steps.map((s) => s.url)) : [...live];
  return Promise.all(steps.map(async (s) => ({
    t: s.t,
    action: s.action,
    reply: s.action || !s.responseRef ? '' : await store.blobs.getText(s.responseRef),
    actionError: s.actionError,
    url: s.url,
    siteUrl: siteRelativeUrl(s.url, bases),
    observationHash: s.observationRef && BlobStore.hashOf(siteRelativeText(await store.blobs.getText(s.observationRef), bases)),
  })));
}

/** Wraps an episode's policy in the prefix replayer when the run is a fork; `resolveUrl` is the episode
 * environment's (its site bases). */
export async function withForkPrefix(store: Store, policy: Policy, fork: ForkProvenance | undefined, resolveUrl?: (text: string) => string): Promise<Policy> {
  if (!fork || fork.step === 0) return policy;
  const live = resolveUrl ? siteBases(resolveUrl) : [];
  const sitePage = { url: (url: string) => siteRelativeUrl(url, live), text: (text: string) => siteRelativeText(text, live) };
  return new PrefixReplayPolicy(policy, await loadPrefix(store, fork, live), fork.episodeId, sitePage);
}
