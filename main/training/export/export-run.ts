// The `mira` export's step lines (issue 7 "Export", issue 23): one JSONL line per step with the task, the
// observation, the policy's prompt and reply, the action in WebRL's words, and MiRA's per-step signals
// (docs/design/MIRA.md §4): milestones, progress label, V, P, shaped reward, doubly-robust advantage,
// the local policy's log π_ref, outcome reward and subgoals done. docs/export.md documents every field.
import type { StepRecord } from '../../api/types';
import type { Store } from '../../store';
import { MiraDefaults, type MiraConfig } from '../defaults';
import { loadLocalScorer } from '../model/local-scorer';
import { assertInRange } from '../validate';
import { checkpointScores, type CheckpointScores } from './checkpoint-scores';
import { loadCriticsFit, type CriticsFit } from './critics-fit';
import { criticsFitScores } from './critics-fit-scores';
import { episodeMath } from './episode-math';
import { readBlobText, scoredEpisodes } from './episode-source';
import { EXPORT_SCHEMA, type CriticSource, type ExportLine, type ExportOptions } from './types';
import { observationFormatOf, webrlActionOf } from './webrl-format';

/** The lines of every scored episode of the run, oldest episode first, steps in order. */
export async function* exportRun(store: Store, runId: string, options: ExportOptions): AsyncGenerator<string> {
  if (options.format !== 'mira') throw new Error(`exportRun writes the mira format's step lines, not "${String(options.format)}".`);
  if (typeof options.criticsFit !== 'string') return yield* exportLines(store, runId, { ...options, criticsFit: options.criticsFit });
  // A fit loaded here is this export's alone: its weights are freed when the lines end, however they end.
  const fit = await loadCriticsFit(options.criticsFit);
  try {
    yield* exportLines(store, runId, { ...options, criticsFit: fit });
  } finally {
    fit.critic.dispose();
  }
}

async function* exportLines(store: Store, runId: string, options: ExportOptions & { criticsFit?: CriticsFit }): AsyncGenerator<string> {
  const config = exportConfig(options.mira);
  const scorer = typeof options.checkpoint === 'string' ? await loadLocalScorer(options.checkpoint) : options.checkpoint ?? null;
  const fit = options.criticsFit ?? null;
  const onSkip = options.onSkip ?? ((id: string, reason: string) => process.stderr.write(`skipped episode ${id}: ${reason}\n`));
  const subgoalSets = store.subgoalSets;

  const skip = (episode: { id: string; taskId: string; success: boolean | null }, skipped: string) => {
    onSkip(episode.id, skipped);
    options.onEpisode?.({ episodeId: episode.id, taskId: episode.taskId, steps: 0, success: episode.success, skipped, criticSource: null });
  };
  for await (const { episode, steps, task } of scoredEpisodes(store, runId, skip)) {
    const intent = episode.instruction ?? task?.intent ?? ''; // MiniWoB++: the seed's instruction
    const observations = await Promise.all(steps.map((s) => readBlobText(store, s.observationRef)));
    const [prompts, replies] = await Promise.all([
      Promise.all(steps.map((s) => readBlobText(store, s.promptRef))),
      Promise.all(steps.map((s) => readBlobText(store, s.responseRef))),
    ]);
    const K = steps.findLast((s) => s.progress !== null)?.progress?.length ?? null;
    const instantiation = (task?.config.instantiation_dict as Record<string, unknown> | undefined) ?? null;
    const subgoals = (await subgoalSets.forEpisode(episode.id))?.items.map((i) => i.text) ?? [];
    const fromCheckpoint = scorer ? checkpointScores(scorer, { intent, instantiation, subgoals, K }, steps, observations) : null;
    const fromFit = fit
      ? criticsFitScores(fit, { intent, instantiation, success: episode.success === true, subgoals, verdicts: await store.verdicts.list(episode.id) }, steps, observations)
      : null;
    const critic = fromFit ? { source: 'critics_fit' as const, ...fromFit } : criticOf(steps, fromCheckpoint);
    // A fit without P (no episode had subgoals) still gives advantages when α = 0: the shaping then never reads P.
    const mathPotentials = critic.potentials ?? (critic.values && config.alpha === 0 ? critic.values.map(() => 0) : null);
    const math = episodeMath({ success: episode.success === true, progressAfter: steps.map((s) => s.progress), values: critic.values, potentials: mathPotentials, config });

    const actions = steps.map((s, t) => webrlActionOf(s, observations[t] === null ? null : observationFormatOf(observations[t]!)));
    for (let t = 0; t < steps.length; t++) {
      const step = steps[t];
      const observation = observations[t];
      const line: ExportLine = {
        schema: EXPORT_SCHEMA,
        run_id: runId,
        episode_id: episode.id,
        task_id: episode.taskId,
        t: step.t,
        url: step.url,
        task: intent,
        observation,
        observation_format: observation === null ? null : observationFormatOf(observation),
        // WebRL's history is what the model wrote; a step WebRL cannot express keeps its raw text.
        previous_actions: steps.slice(0, t).map((s, i) => actions[i] ?? s.actionText),
        action: actions[t],
        action_text: step.actionText,
        action_error: step.actionError,
        policy_observation_format: step.views?.policy.format ?? null,
        prompt: prompts[t],
        reply: replies[t],
        done: t === steps.length - 1,
        trajectory_reward: episode.success ? 1 : 0,
        mira: {
          progress_label: math.labels[t],
          value: critic.values?.[t] ?? null,
          potential: critic.potentials?.[t] ?? null,
          shaped_reward: math.shaped?.[t] ?? null,
          advantage: math.advantages?.[t] ?? null,
          local_policy_ref_logprob: fromCheckpoint?.refLogprobs[t] ?? null,
          milestones: step.progress,
          outcome_reward: math.rewards[t],
          subgoals_done: math.subgoalsDone[t],
          subgoals_total: math.K,
          critic_source: critic.source,
        },
      };
      yield JSON.stringify(line);
    }
    options.onEpisode?.({ episodeId: episode.id, taskId: episode.taskId, steps: steps.length, success: episode.success, criticSource: critic.source });
  }
}

/** MiraDefaults with the caller's overrides, checked up front (α ≥ 0, λ and γ in [0, 1]) so a bad setting
 * fails before any line is written rather than mid-file. */
export function exportConfig(overrides: Partial<MiraConfig> = {}): MiraConfig {
  const config: MiraConfig = { ...MiraDefaults, ...overrides };
  if (typeof config.alpha !== 'number' || !Number.isFinite(config.alpha) || config.alpha < 0) throw new Error(`alpha must be a finite number ≥ 0, got ${String(config.alpha)}`);
  assertInRange('lambda', config.lambda, 0, 1);
  assertInRange('gamma', config.gamma, 0, 1);
  if (config.returnKind !== 'shaped' && config.returnKind !== 'raw') throw new Error(`returnKind must be shaped or raw, not ${JSON.stringify(config.returnKind)}.`);
  return config;
}

/**
 * V(s_0..s_T) and P(s_0..s_T) of one episode from a single source, so a line never mixes critics:
 * - 'stored': every step carries the acting policy's value and potential columns. The final state s_T was
 *   never observed; its P and V are placeholders the math never reads (terminal shaping puts the outcome in
 *   P(s_T)'s place, and the advantage takes V(s_T) = 0).
 * - 'checkpoint': the given checkpoint's critics on the rebuilt states, s_T included (as the trainer does).
 * - null: neither; value, potential, shaped reward and advantage are null.
 * A critics fit, when given, comes before all of these (the caller's 'critics_fit', docs/export.md §4.2).
 */
function criticOf(steps: readonly StepRecord[], ckpt: CheckpointScores | null): { source: CriticSource; values: number[] | null; potentials: number[] | null } {
  if (steps.every((s) => s.value !== null && s.potential !== null)) {
    const values = steps.map((s) => s.value!);
    const potentials = steps.map((s) => s.potential!);
    return { source: 'stored', values: [...values, 0], potentials: [...potentials, potentials[potentials.length - 1]] };
  }
  if (ckpt?.values && ckpt.potentials) return { source: 'checkpoint', values: ckpt.values, potentials: ckpt.potentials };
  return { source: null, values: null, potentials: null };
}
