// The inference half of the WorkbenchApi (main/api/contract.ts): subgoal sets, prompt previews on a stored
// step, and trying the AutoRater on one milestone with an edited prompt. Facts come from the stored
// episode, so a preview shows exactly what the model would be sent at that step.
import type { AutoRaterTrial, PromptName, SubgoalItem, SubgoalSet } from '../api/inference-types';
import type { StepRecord, TaskRecord } from '../api/types';
import type { GrammarName } from '../actions/grammars';
import { renderFewShot } from '../prompts/few-shot';
import { seedFrom } from '../random/seeded-random';
import { clipObservation, historyText, type LoggedAction } from '../prompts/slot-text';
import { fitHomepage } from '../prompts/homepage';
import { promptText, renderTemplate } from '../prompts/template';
import type { Store } from '../store';
import { DEFAULT_SUBGOAL_COUNT, generateSubgoals } from '../subgoals/generate';
import { judgeWithLlm } from '../subgoals/llm-judge';
import { planAt, planHistory } from '../subgoals/plan';
import { assertSavableSubgoals } from '../subgoals/save-check';
import { instructionPerSeed } from '../tasks/miniwob/tasks';
import type { Inference } from './inference';
import { policySlots } from '../agent/llm-policy-kit';
import { sgoSlots } from '../agent/sgo-policy';
import { DEFAULT_SGO_SETTINGS } from '../agent/sgo-settings';
import { pinnedVersion } from '../runs/prompt-pins';
import type { StoredRunConfig } from '../api/run-config';
import { autoraterSlots } from '../subgoals/llm-judge';
import { judgeFactsAt } from './judge-facts';

interface StepContext {
  task: TaskRecord;
  /** What the episode's agent was told: its own instruction (MiniWoB++: per seed), else the task's intent. */
  intent: string;
  steps: StepRecord[];
  step: StepRecord;
  /** Actions before step t. */
  history: LoggedAction[];
  observation: string;
  subgoals: SubgoalItem[];
  /** Progress before step t's action. */
  progress: number[];
  grammar: GrammarName;
  /** The episode's seed (the planner's few-shot sample depends on it). */
  seed: number;
  /** The config of the episode's run (its prompt versions), when it has one. */
  config?: Partial<StoredRunConfig>;
}

export class InferenceApi {
  constructor(
    private readonly store: Store,
    private readonly inference: Inference,
    private readonly observeStart: (task: TaskRecord) => Promise<{ url: string; text: string }>,
    /** The homepage the task's agents are told about (policy prompts' {{homepage}}). */
    private readonly homepageOf: (task: TaskRecord) => string | undefined = () => undefined,
  ) {}

  async saveHandSet(taskId: string, items: SubgoalItem[], note?: string): Promise<SubgoalSet> {
    const task = await this.task(taskId);
    // No repeated milestone, and URL patterns that cannot stall this process (they are judged every step)
    // and predicates that can mean what they say on this task.
    assertSavableSubgoals(items, task);
    return this.inference.subgoalSets.create({ taskId, origin: 'hand', items, note: note ?? null });
  }

  /** Intent + start page → K milestones through the configured LLM, stored as a 'generated' version; a reply
   * with the milestones of a generated version the task has (the same page and seed ask the same, and the
   * reply may come from the cache) is that version, not a copy of it. */
  async generateForTask(taskId: string, k = DEFAULT_SUBGOAL_COUNT): Promise<SubgoalSet> {
    const task = await this.task(taskId);
    const page = await this.observeStart(task);
    const llm = await this.inference.llm();
    const generated = await generateSubgoals(await this.inference.generationDeps(llm), {
      intent: task.intent, url: page.url, observation: page.text, k, seed: seedFrom(task.id), link: { episodeId: null, t: null },
    });
    const same = (await this.inference.subgoalSets.list(taskId)).find((v) => v.origin === 'generated' && JSON.stringify(v.items) === JSON.stringify(generated.items));
    if (same) return same;
    return this.inference.subgoalSets.create({ taskId, origin: 'generated', items: generated.items, promptId: generated.promptId, model: generated.model, note: 'generated from the start page' });
  }

  async previewPrompt(name: PromptName, episodeId: string, t: number, draft?: string): Promise<string> {
    const ctx = await this.stepContext(episodeId, t);
    // The draft being edited when given (issue 21: the preview showed the saved version instead), else the
    // version the episode's run sent.
    const template = draft ?? (await this.runPrompt(name, ctx)).text;
    // The AutoRater judged step t after its action: the log through it and the page it led to (judge-facts.ts).
    const judged = judgeFactsAt(ctx.steps, t);
    const judgedPage = name === 'autorater' && judged.page.observationRef ? await this.store.blobs.getText(judged.page.observationRef) : '';
    const facts = { intent: ctx.intent, t, url: ctx.step.url, observation: ctx.observation, history: ctx.history };
    const pending = Math.max(0, ctx.progress.indexOf(0));
    const slots: Record<PromptName, () => Record<string, string>> = {
      'policy-react': () => policySlots(facts, ctx.grammar, this.homepageOf(ctx.task)),
      'policy-sgo': () => ({ ...policySlots(facts, ctx.grammar, this.homepageOf(ctx.task)), ...sgoSlots(ctx.subgoals, ctx.progress) }),
      // A first plan made at step t, as the run's planner (services/inference.ts) asks for it: the run's K.
      'subgoal-generation': () => ({
        intent: facts.intent, url: facts.url, observation: clipObservation(facts.observation), k: String(ctx.config?.sgo?.subgoalCount ?? DEFAULT_SGO_SETTINGS.subgoalCount),
        completed: '(none)', examples: '',
      }),
      autorater: () => autoraterSlots({
        intent: facts.intent, items: ctx.subgoals, index: pending, history: judged.history, url: judged.page.url, observation: judgedPage,
      }),
      analyzer: () => ({
        intent: facts.intent, steps: historyText(ctx.steps.map(logged)), stop: '(see the episode outcome)', verdict: '', diagnosis: '',
      }),
    };
    const values = slots[name]();
    if (name === 'subgoal-generation') values.examples = renderFewShot(await this.inference.fewShot(), seedFrom(ctx.task.id, ctx.seed + t));
    const fitted = fitHomepage(template, values);
    return promptText(renderTemplate(fitted.template, fitted.slots));
  }

  /** Judges milestone `index` after step t's action from the facts the live AutoRater had (judge-facts.ts), with
   * `text` or the version the run used. The call is recorded; the verdict is returned, not stored. */
  async tryAutoRater(episodeId: string, t: number, index: number, text?: string): Promise<AutoRaterTrial> {
    const ctx = await this.stepContext(episodeId, t);
    if (index >= ctx.subgoals.length) throw new Error(`Episode ${episodeId} has ${ctx.subgoals.length} subgoals; there is no subgoal ${index}.`);
    const { history, page: after } = judgeFactsAt(ctx.steps, t);
    const llm = await this.inference.llm();
    const j = await judgeWithLlm(
      { llm: llm.recorder, calls: this.inference.calls, model: llm.model, thinkingBudget: llm.thinkingBudget,
        screenshot: ctx.config?.sgo?.autoraterScreenshot ?? DEFAULT_SGO_SETTINGS.autoraterScreenshot },
      {
        template: text ?? (await this.runPrompt('autorater', ctx)).text,
        intent: ctx.intent, items: ctx.subgoals, index, history, url: after.url,
        observation: after.observationRef ? await this.store.blobs.getText(after.observationRef) : '',
        screenshot: after.screenshotRef ? await this.store.blobs.get(after.screenshotRef) : undefined,
        link: { episodeId, t }, purpose: 'autorater-try',
      },
    );
    return {
      verdict: { episodeId, t, subgoalIndex: index, done: j.done, evidence: j.evidence, judge: 'llm', model: j.model, latencyMs: j.latencyMs },
      prompt: j.prompt,
      response: j.response,
    };
  }

  private async stepContext(episodeId: string, t: number): Promise<StepContext> {
    const episode = await this.store.episodes.get(episodeId);
    if (!episode) throw new Error(`No episode with id ${episodeId}.`);
    const task = await this.task(episode.taskId);
    const steps = await this.store.steps.list(episodeId);
    const step = steps.find((s) => s.t === t);
    if (!step) throw new Error(`Episode ${episodeId} has no step ${t} (it has ${steps.length}).`);
    const sets = this.inference.subgoalSets;
    // The plan step t was decided and judged against: an earlier one than the episode's last if SGO re-planned later.
    const set = planAt(await planHistory(sets, episodeId), t) ?? (await (instructionPerSeed(task) ? sets.latestForSeed(task.id, episode.seed) : sets.latest(task.id)));
    const subgoals = set?.items ?? [];
    const before = steps.find((s) => s.t === t - 1)?.progress;
    const run = episode.runId ? await this.store.runs.get(episode.runId) : undefined;
    return {
      task, intent: episode.instruction ?? task.intent, steps, step,
      history: steps.filter((s) => s.t < t).map(logged),
      observation: step.observationRef ? await this.store.blobs.getText(step.observationRef) : '',
      subgoals,
      progress: subgoals.map((_, k) => before?.[k] ?? 0),
      grammar: ((run?.config as { grammar?: GrammarName } | undefined)?.grammar) ?? 'webarena',
      seed: episode.seed,
      config: run?.config as Partial<StoredRunConfig> | undefined,
    };
  }

  /** The version of `name` the episode's run sent (main/runs/prompt-pins.ts); the newest for a run that recorded none. */
  private async runPrompt(name: PromptName, ctx: StepContext) {
    const version = pinnedVersion(ctx.config, name);
    const stored = version === undefined ? undefined : await this.inference.prompts.get(name, version);
    return stored ?? this.inference.prompts.latest(name);
  }

  private async task(taskId: string): Promise<TaskRecord> {
    const task = await this.store.tasks.get(taskId);
    if (!task) throw new Error(`No task with id ${taskId}.`);
    return task;
  }
}

function logged(s: StepRecord): LoggedAction {
  return { t: s.t, actionText: s.actionText, error: s.actionError, url: s.url };
}
