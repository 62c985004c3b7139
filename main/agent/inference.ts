// The composition of the inference-time half (docs/design/MIRA.md §2, §3) for one core: prompt store, subgoal sets,
// verdicts, LLM call records, and the per-episode wiring of an LLM policy to its plan and AutoRater.
import type { LlmSelection, SubgoalItem, SubgoalSet, VerdictRecord } from '../api/inference-types';
import type { WorkbenchSettings } from '../api/settings';
import type { TaskRecord } from '../api/types';
import type { GrammarName } from '../actions/grammars';
import { createLlm, type LlmRuntimeOptions, type ResolvedLlm } from '../llm/client-factory';
import { GEMINI_BASE_URL } from '../llm/gemini';
import { LlmCallsRepo } from '../llm/llm-calls-repo';
import { LlmRecorder } from '../llm/recorder';
import { loadFewShot, seedFrom, type FewShotExample } from '../prompts/few-shot';
import { PromptStore } from '../prompts/prompt-store';
import type { ReferenceSubgoal } from '../sandbox/types';
import type { SecretStore } from '../settings/secret-store';
import type { Store } from '../store';
import { AutoRater } from '../subgoals/autorater';
import { generateSubgoals, type GenerationDeps } from '../subgoals/generate';
import type { SubgoalVerdict } from '../subgoals/monitor';
import { replanNote, SubgoalPlan } from '../subgoals/plan';
import { SubgoalSetsRepo } from '../subgoals/subgoal-sets-repo';
import { pinnedSubgoalSet } from '../subgoals/pinned-set';
import { VerdictsRepo } from '../subgoals/verdicts-repo';
import { instructionPerSeed } from '../tasks/miniwob/tasks';
import type { LlmPolicyDeps } from './llm-policy-kit';
import type { ObservationFormat } from './observation-view';
import type { PolicyInput } from './policy';
import type { SubgoalPlanner } from './sgo-policy';
import { DEFAULT_SGO_SETTINGS, type SgoSettings } from './sgo-settings';

export interface InferenceDeps {
  store: Store;
  settings(): Promise<WorkbenchSettings>;
  secrets(): SecretStore;
  runtime?: LlmRuntimeOptions;
}

export interface LlmEpisodeRequest {
  task: TaskRecord;
  /** The sandbox catalog's reference subgoals, when the task has them. */
  reference?: readonly ReferenceSubgoal[];
  episodeId: string;
  seed: number;
  policy: 'react' | 'sgo';
  grammar?: GrammarName;
  observationFormat?: ObservationFormat;
  llm?: LlmSelection;
  sgo?: Partial<SgoSettings>;
  /** The run's homepage URL (the sandbox index, or WebArena's HOMEPAGE), when it has one. */
  homepage?: string;
  /** The policy prompt's version (policy-react / policy-sgo); the latest when absent. */
  promptVersion?: number;
}

/** Everything an LLM policy of one episode needs; createPolicy builds the policy from it. */
export interface LlmEpisodeContext {
  policy: LlmPolicyDeps;
  planner: SubgoalPlanner;
  /** The AutoRater; absent for a ReAct episode of a task without subgoals. */
  monitor?: AutoRater;
  settings: SgoSettings;
}

export interface ResolvedRecorder extends ResolvedLlm {
  recorder: LlmRecorder;
}

export class Inference {
  readonly prompts: PromptStore;
  readonly subgoalSets: SubgoalSetsRepo;
  readonly verdicts: VerdictsRepo;
  readonly calls: LlmCallsRepo;
  #fewShot?: Promise<FewShotExample[]>;
  readonly #references = new Map<string, Promise<SubgoalSet>>();

  constructor(private readonly deps: InferenceDeps) {
    this.prompts = new PromptStore(deps.store.db);
    this.subgoalSets = new SubgoalSetsRepo(deps.store.db);
    this.verdicts = new VerdictsRepo(deps.store.db);
    this.calls = new LlmCallsRepo(deps.store.db);
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
    const settings = await this.deps.settings();
    const provider = selection?.provider ?? settings.provider;
    if (provider === 'gemini') return settings.gemini.baseUrl ?? GEMINI_BASE_URL;
    if (provider === 'openai-compatible') return settings.openaiCompatible.baseUrl;
    return null;
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
    const policy: LlmPolicyDeps = {
      llm: llm.recorder, prompts: this.prompts, model: llm.model, thinkingBudget: llm.thinkingBudget, episodeId: req.episodeId,
      grammar: req.grammar ?? 'webarena', observationFormat: req.observationFormat ?? 'axtree', homepage: req.homepage,
      promptVersion: req.promptVersion,
    };
    const planner = this.planner(plan, req, settings, await this.generationDeps(llm));
    const judge = { llm: llm.recorder, calls: this.calls, model: llm.model, thinkingBudget: llm.thinkingBudget, screenshot: settings.autoraterScreenshot };
    const template = (await this.prompts.latest('autorater')).text;
    const monitor = req.policy === 'sgo' || preset ? new AutoRater(plan, { intent: req.task.intent, template, judge }) : undefined;
    return { policy, planner, monitor, settings };
  }

  /** SGO generates by default; ReAct is judged against the reference (sandbox) or newest stored set. */
  private async presetFor(req: LlmEpisodeRequest, settings: SgoSettings): Promise<SubgoalSet | undefined> {
    const reference = req.reference?.length ? () => this.referenceSet(req.task.id, req.reference!) : undefined;
    // A MiniWoB++ task's sets are per seed: the newest one made for this seed's instruction (docs/design/WEBARENA.md §5).
    const latest = () => (instructionPerSeed(req.task) ? this.subgoalSets.latestForSeed(req.task.id, req.seed) : this.subgoalSets.latest(req.task.id));
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
