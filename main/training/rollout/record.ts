// Recording trajectories for training (docs/design/MIRA.md §4.15): oracle demonstrations for phase 0 (SFT) and
// local-policy rollouts for each MiRA phase. Both run through the real episode loop (RolloutEnv); a wrapper
// captures what the policy saw (RawState) and what it did; the per-step progress vector judged by the
// reference-subgoal predicates is read back from the stored steps.
import type { Action, EpisodeRecord } from '../../api/types';
import { grammarNamed } from '../../actions/grammars';
import { LocalPolicy, type LocalDecisionRecord } from '../../agent/local-policy';
import { OraclePolicy } from '../../agent/oracle-policy';
import type { SandboxTaskInstance } from '../../sandbox/types';
import { answerCandidates } from '../answer/answer-candidates';
import { actionableNodes, intentValues, type PastAction } from '../model/candidates';
import type { RawState } from '../model/features';
import type { LocalScorer } from '../model/local-scorer';
import type { RolloutEnv } from './episode-runner';

export interface RecordedStep {
  raw: RawState;
  /** Progress vector after this step's action (null without subgoals). */
  progressAfter: number[] | null;
}

export interface DemoStep extends RecordedStep {
  action: Action;
}

export interface PolicyStep extends RecordedStep {
  index: number;
  /** π_behaviour(a | s) of the chosen candidate. */
  prob: number;
}

export interface Trajectory<S extends RecordedStep> {
  taskId: string;
  family: string;
  success: boolean;
  stopReason: string | null;
  steps: S[];
  /** The stored episode, for the failure analyzer (rollouts, evaluations) and the run that holds it
   * (demonstrations, also when another unit recorded them: the cache keeps it). */
  episodeId?: string;
}

const subgoalTexts = (i: SandboxTaskInstance) => i.subgoals.map((g) => g.text);
const valuesOf = (i: SandboxTaskInstance) => intentValues(String(i.config.intent ?? ''), i.config.instantiation_dict as Record<string, unknown>);

/** Oracle episodes on `instances`, with the state the oracle acted on at every step. */
export async function recordOracle(env: RolloutEnv, instances: SandboxTaskInstance[], concurrency: number, maxElements: number, onEpisode?: (done: number) => void, signal?: AbortSignal): Promise<Trajectory<DemoStep>[]> {
  // Stored as phase 0's demonstrations (a job's run; episode-runner.ts).
  const stage = { phase: 0, stage: 'demonstrations' as const, policy: 'oracle' };
  const captured = instances.map(() => [] as Omit<DemoStep, 'progressAfter'>[]);
  const parser = grammarNamed('webarena');
  let done = 0;
  const episodes = await env.runMany(
    instances.map((instance, k) => ({
      instance,
      seed: k,
      policy: (resolveUrl) => {
        const oracle = new OraclePolicy(instance.oracle, resolveUrl);
        const past: PastAction[] = [];
        return {
          name: 'oracle',
          async decide(input) {
            const decision = await oracle.decide(input);
            const nodes = input.observation.nodes
              .map((n) => ({ id: n.id, role: n.role, name: n.name, ...(n.props.value ? { value: n.props.value } : {}) }));
            const raw: RawState = { intent: input.intent, values: valuesOf(instance), subgoals: subgoalTexts(instance), progress: input.progress ?? null, t: input.t, nodes: actionableNodes(nodes, maxElements), past: [...past], answers: answerCandidates(input.observation.nodes) };
            const action = parser.parse(decision.reply);
            captured[k].push({ raw, action });
            const name = action.elementId === undefined ? '' : (nodes.find((n) => n.id === action.elementId)?.name ?? '');
            past.push({ kind: ['click', 'type', 'select', 'stop'].includes(action.type) ? (action.type as PastAction['kind']) : 'other', elementName: name, text: action.text ?? '' });
            return decision;
          },
        };
      },
    })),
    concurrency,
    () => onEpisode?.(++done),
    signal,
    stage,
  );
  return Promise.all(ran(episodes).map(async ([e, k]) => ({
    taskId: instances[k].id, family: instances[k].family, success: e.success === true, stopReason: e.stopReason, episodeId: e.id,
    steps: await withProgress(env, e.id, captured[k]),
  })));
}

/** Episodes of the local policy (sampling for rollouts, greedy for evaluation). */
export async function rolloutLocal(
  env: RolloutEnv, jobs: { instance: SandboxTaskInstance; seed: number }[], scorer: LocalScorer, mode: 'sample' | 'greedy', concurrency: number,
  onEpisode?: (done: number, success: boolean) => void, signal?: AbortSignal, phase = 0,
): Promise<Trajectory<PolicyStep>[]> {
  // Sampled episodes are the phase's rollouts; greedy ones its test evaluation (a job's runs; episode-runner.ts).
  const stage = { phase, stage: mode === 'sample' ? 'rollout' as const : 'evaluation' as const, policy: 'local' };
  const captured = jobs.map(() => [] as Omit<PolicyStep, 'progressAfter'>[]);
  let done = 0;
  const episodes = await env.runMany(
    jobs.map(({ instance, seed }, k) => ({
      instance,
      seed,
      policy: () => new LocalPolicy({
        scorer, subgoals: subgoalTexts(instance), values: valuesOf(instance), mode, seed,
        onDecision: (r: LocalDecisionRecord) => captured[k].push({ raw: r.raw, index: r.index, prob: r.prob }),
      }),
    })),
    concurrency,
    (_, e) => onEpisode?.(++done, e.success === true),
    signal,
    stage,
  );
  return Promise.all(ran(episodes).map(async ([e, k]) => ({
    taskId: jobs[k].instance.id, family: jobs[k].instance.family, success: e.success === true, stopReason: e.stopReason, episodeId: e.id,
    steps: await withProgress(env, e.id, captured[k]),
  })));
}

/** The episodes that ran, with their job's index (a cancel leaves later jobs without one). */
const ran = (episodes: (EpisodeRecord | undefined)[]) => episodes.flatMap((e, k) => (e ? [[e, k] as const] : []));

async function withProgress<S extends object>(env: RolloutEnv, episodeId: string, captured: S[]): Promise<(S & { progressAfter: number[] | null })[]> {
  const stored = await env.store.steps.list(episodeId);
  return captured.map((s, t) => ({ ...s, progressAfter: stored[t]?.progress ?? null }));
}
