// The composition of the inference-time half (docs/design/MIRA.md §2, §3) for one core: prompt store, subgoal sets,
// verdicts, LLM call records, and the per-episode wiring of an LLM policy to its plan and AutoRater.
import type { LlmSelection, SubgoalItem, SubgoalSet, VerdictRecord } from '../api/inference-types';
import type { WorkbenchSettings } from '../api/settings';
import { createLlm, llmEndpoint, type LlmRuntimeOptions } from '../llm/client-factory';
import type { LlmCallsRepo } from '../store/llm-calls-repo';
import { LlmRecorder } from '../llm/recorder';
import { loadFewShot, type FewShotExample } from '../prompts/few-shot';
import { seedFrom } from '../random/seeded-random';
import type { PromptStore } from '../store/prompt-store';
import type { ReferenceSubgoal } from '../sandbox/types';
import type { SecretStore } from '../settings/secret-store';
import type { Store } from '../store';
import { AutoRater } from '../subgoals/autorater';
import { generateSubgoals, type GenerationDeps } from '../subgoals/generate';
import type { SubgoalVerdict } from '../subgoals/monitor';
import { replanNote, startingPlan, SubgoalPlan } from '../subgoals/plan';
import type { SubgoalSetsRepo } from '../store/subgoal-sets-repo';
import { pinnedSubgoalSet } from '../subgoals/pinned-set';
import type { VerdictsRepo } from '../store/verdicts-repo';
import { instructionPerSeed } from '../tasks/miniwob/tasks';
import type { LlmPolicyDeps } from '../agent/llm-policy-kit';
import type { PolicyInput } from '../agent/policy';
import type { SubgoalPlanner } from '../agent/sgo-policy';
import { DEFAULT_SGO_SETTINGS, type SgoSettings } from '../agent/sgo-settings';
import type { LlmEpisodeContext, LlmEpisodeRequest, LlmServices, ResolvedRecorder } from '../agent/llm-services';

export interface InferenceDeps {
  store: Store;
  settings(): Promise<WorkbenchSettings>;
  secrets(): SecretStore;
  runtime?: LlmRuntimeOptions;
}

/** The LLM services of one core (docs/design/ARCHITECTURE.md §4.1: a composition root in services/). */
export class Inference implements LlmServices {
  readonly prompts: PromptStore;
  readonly subgoalSets: SubgoalSetsRepo;
  readonly verdicts: VerdictsRepo;
  readonly calls: LlmCallsRepo;
  #fewShot?: Promise<FewShotExample[]>;
  readonly #references = new Map<string, Promise<SubgoalSet>>();

  constructor(private readonly deps: InferenceDeps) {
    this.prompts = deps.store.prompts;
    this.subgoalSets = deps.store.subgoalSets;
    this.verdicts = deps.store.verdicts;
    this.calls = deps.store.llmCalls;
  }

  fewShot(): Promise<FewShotExample[]> {
    return (this.#fewShot ??= loadFewShot());
  }

  /** The client for a selection (Settings fill the gaps), wrapped so every call is recorded. */
  async llm(selection?: LlmSelection): Promise<ResolvedRecorder> {
    const resolved = await createLlm(await this.deps.settings(), this.deps.secrets(), selection, this.deps.runtime);
    return { ...resolved, recorder: new LlmRecorder(resolved.client, this.calls, this.deps.store.blobs) };
  }

  /** Where a selection's calls go (the Gemini default or the configured base URL), for the run's preflight. */
  async endpoint(selection?: LlmSelection): Promise<string | null> {
    return llmEndpoint(await this.deps.settings(), selection);
  }

  async generationDeps(llm: ResolvedRecorder): Promise<GenerationDeps> {
    return { llm: llm.recorder, calls: this.calls, prompts: this.prompts, fewShot: await this.fewShot(), model: llm.model, thinkingBudget: llm.thinkingBudget };
  }

  /** Stores the verdicts of step t and hands each to `emit` (the live `verdict` event). */
  async recordVerdicts(episodeId: string, t: number, verdicts: readonly SubgoalVerdict[], emit?: (v: VerdictRecord) => void): Promise<void> {
    for (const v of verdicts) {
      const record: VerdictRecord = {
        episodeId, t, subgoalIndex: v.index, done: v.done, evidence: v.evidence, judge: v.judge,
        model: v.model ?? null, latencyMs: v.latencyMs, llmCallId: v.llmCallId ?? null, createdAt: new Date().toISOString(),
      };
      await this.verdicts.insert(record);
      emit?.(record);
    }
  }

  /** The catalog's reference subgoals as a stored set (one lookup per task per process). */
  referenceSet(taskId: string, reference: readonly ReferenceSubgoal[]): Promise<SubgoalSet> {
    let set = this.#references.get(taskId);
    if (!set) {
      const items: SubgoalItem[] = reference.map((r) => ({ text: r.text, predicate: r.predicate }));
      set = this.subgoalSets.ensureReference(taskId, items);
      set.catch(() => this.#references.delete(taskId));
      this.#references.set(taskId, set);
    }
    return set;
  }

  /** Records that a (non-LLM) episode is judged against the task's reference set. */
  async linkReference(episodeId: string, taskId: string, reference: readonly ReferenceSubgoal[]): Promise<void> {
    await this.subgoalSets.linkEpisode(episodeId, (await this.referenceSet(taskId, reference)).id);
  }

  /** Wires an LLM policy episode: its client, its plan (preloaded or to be generated) and its AutoRater. */
  async episodeContext(req: LlmEpisodeRequest): Promise<LlmEpisodeContext> {
    const settings = { ...DEFAULT_SGO_SETTINGS, ...req.sgo };
    const llm = await this.llm(req.llm);
    const plan = new SubgoalPlan(this.subgoalSets, req.episodeId);
    const preset = await this.presetFor(req, settings);
    if (preset) await plan.adopt(preset);
    // The run's fixed prompt versions (main/runs/prompt-pins.ts) for the policy, the planner and the AutoRater.
    const prompts = req.promptVersions ? this.prompts.pinned(req.promptVersions) : this.prompts;
    const policy: LlmPolicyDeps = {
      llm: llm.recorder, prompts, model: llm.model, thinkingBudget: llm.thinkingBudget, episodeId: req.episodeId,
      grammar: req.grammar ?? 'webarena', observationFormat: req.observationFormat ?? 'axtree', homepage: req.homepage,
      promptVersion: req.promptVersion, signal: req.signal,
    };
    const planner = this.planner(plan, req, settings, { ...(await this.generationDeps(llm)), prompts });
    const judge = {
      llm: llm.recorder, calls: this.calls, model: llm.model, thinkingBudget: llm.thinkingBudget, screenshot: settings.autoraterScreenshot, signal: req.signal,
    };
    const template = (await prompts.latest('autorater')).text;
    const monitor = req.policy === 'sgo' || preset ? new AutoRater(plan, { intent: req.task.intent, template, judge }) : undefined;
    return { policy, planner, monitor, settings };
  }

  /** SGO generates by default; ReAct is judged against the reference (sandbox) or newest stored set. */
  private async presetFor(req: LlmEpisodeRequest, settings: SgoSettings): Promise<SubgoalSet | undefined> {
    const reference = req.reference?.length ? () => this.referenceSet(req.task.id, req.reference!) : undefined;
    // A MiniWoB++ task's sets are per seed: the newest one made for this seed's instruction (docs/design/WEBARENA.md §5).
    // An episode's re-plan counts as the version it re-planned (its kept milestones were that episode's, docs/design/MIRA.md §3.2).
    const latest = async () => startingPlan(this.subgoalSets, await (instructionPerSeed(req.task) ? this.subgoalSets.latestForSeed(req.task.id, req.seed) : this.subgoalSets.latest(req.task.id)));
    if (settings.subgoalSetId !== undefined) return pinnedSubgoalSet(this.subgoalSets, settings.subgoalSetId, [req.task.id]);
    if (req.policy === 'react') return reference ? reference() : latest();
    if (settings.subgoalSource === 'latest') return latest();
    if (settings.subgoalSource === 'reference') {
      if (!reference) throw new Error(`Task ${req.task.id} has no reference subgoals; use --subgoals generate or latest.`);
      return reference();
    }
    return undefined;
  }

  private planner(plan: SubgoalPlan, req: LlmEpisodeRequest, settings: SgoSettings, gen: GenerationDeps): SubgoalPlanner {
    const make = async (input: PolicyInput, done: readonly SubgoalItem[], replanning: boolean) => {
      // A re-plan keeps the plan's K (a hand-corrected set may have 5 where Settings say 4) and its done
      // milestones verbatim (docs/design/MIRA.md §3.2); the new version names the one it replaces.
      const previous = replanning ? plan.set : null;
      const generated = await generateSubgoals(gen, {
        intent: input.intent,
        url: input.observation.url,
        observation: input.observation.text,
        k: (previous ? previous.items.length : settings.subgoalCount) - done.length,
        completed: done.map((d) => d.text),
        seed: seedFrom(req.task.id, req.seed + input.t),
        link: { episodeId: req.episodeId, t: input.t },
        signal: req.signal,
      });
      const set = await this.subgoalSets.create({
        taskId: req.task.id, origin: 'generated', items: [...done, ...generated.items], promptId: generated.promptId, model: generated.model,
        note: replanning ? replanNote(previous, input.t, req.episodeId) : `generated at step ${input.t + 1} of episode ${req.episodeId}`,
      });
      await plan.adopt(set);
    };
    return { plan, initial: (input) => make(input, [], false), replan: (input, done) => make(input, done, true) };
  }
}
