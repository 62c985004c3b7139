// The two WebRL formats on disk (issue 23; fields in docs/export.md):
// - `vab-traces`: VisualAgentBench's WebRL-mode result folder, `traces/<id>.jsonl` lines
//   {trace_id, index, prompt, html, response, target} and `actions/<id>.json` {task_id, score, actions},
//   which WebRL's own process_data.py turns into trainer data.
// - `webrl-trainer`: one trajectory per line, a JSON array of steps with the fields process_data.py gives
//   each step {observation, next_observation, task, reward, done, action, trajectory_reward} plus the
//   trainer's mc_return; `torch.save` of the parsed lines is the trainer's offline data file, and its
//   stage-2 filter (which reads task and trajectory_reward) takes it too (docs/export.md).
import { join } from 'node:path';
import type { Store } from '../../store';
import { mcReturns, WEBRL_TRAINER_GAMMA, webrlPrompt } from './webrl-prompt';
import { webrlTrajectories, type TrajectoryHandlers, type WebRlTrajectory } from './webrl-trajectories';
import { createOutputFolder, openOutputFile, writeOutputFile } from './output-path';

export interface WebRlExportTotals {
  episodes: number;
  steps: number;
  /** Episodes without an outcome. */
  unscored: number;
  /** Scored episodes with a step WebRL cannot express. */
  inexpressible: number;
}

export interface WebRlWriteOptions extends Partial<TrajectoryHandlers> {
  /** γ of mc_return (webrl-trainer); the trainer's 0.9 by default. */
  gamma?: number;
  onTrajectory?(trajectory: WebRlTrajectory): void;
}

/** One trainer step, fields in process_data.py's order: the six the replay buffer keeps (observation,
 * next_observation, action, reward, done, mc_return) and the two its stage-2 filter reads (task,
 * trajectory_reward); the trainer ignores the extra two. */
export interface WebRlTrainerStep {
  observation: string;
  next_observation: string;
  task: string;
  reward: number;
  done: boolean;
  action: string;
  /** process_data.py's label: 1 when the score is ≥ 0.5, else 0. */
  trajectory_reward: 0 | 1;
  mc_return: number;
}

export async function writeVabTraces(store: Store, runId: string, dir: string, options: WebRlWriteOptions = {}): Promise<WebRlExportTotals> {
  await createOutputFolder(join(dir, 'traces'));
  await createOutputFolder(join(dir, 'actions'));
  return forEachTrajectory(store, runId, options, async (traj) => {
    const id = traj.source.episode.id;
    const lines = traj.steps.map((s, index) => JSON.stringify({ trace_id: id, index, prompt: s.prompt, html: s.html, response: s.response, target: traj.intent }));
    await writeOutputFile(join(dir, 'traces', `${id}.jsonl`), `${lines.join('\n')}\n`);
    const taskId = traj.source.task?.config.task_id ?? traj.source.episode.taskId;
    await writeOutputFile(join(dir, 'actions', `${id}.json`), `${JSON.stringify({ task_id: taskId, score: traj.score, actions: traj.steps.map((s) => s.call) }, null, 2)}\n`);
  });
}

export async function writeWebRlTrainer(store: Store, runId: string, file: string, options: WebRlWriteOptions = {}): Promise<WebRlExportTotals> {
  const out = await openOutputFile(file);
  try {
    const totals = await forEachTrajectory(store, runId, options, (traj) => out.write(`${JSON.stringify(trainerSteps(traj, options.gamma ?? WEBRL_TRAINER_GAMMA))}\n`));
    await out.commit();
    return totals;
  } finally {
    await out.discard();
  }
}

/** The trainer's steps of one trajectory, laid out as WebRL's pipeline lays them out: step t reads the
 * prompt of round t; its next observation is round t + 1's prompt (the last step's repeats its own page). */
export function trainerSteps(traj: Pick<WebRlTrajectory, 'intent' | 'score' | 'steps'>, gamma: number): WebRlTrainerStep[] {
  const { intent, score, steps } = traj;
  const rewards = steps.map(() => score);
  const returns = mcReturns(rewards, gamma);
  return steps.map((step, t) => {
    const nextHtml = t + 1 < steps.length ? steps[t + 1].html : step.html;
    return {
      observation: webrlPrompt(intent, steps.slice(0, t), step.html),
      next_observation: webrlPrompt(intent, steps.slice(0, t + 1), nextHtml),
      task: intent,
      reward: score,
      done: t === steps.length - 1,
      action: step.response,
      trajectory_reward: score >= 0.5 ? 1 : 0,
      mc_return: returns[t],
    };
  });
}

async function forEachTrajectory(store: Store, runId: string, options: WebRlWriteOptions, write: (t: WebRlTrajectory) => Promise<void>): Promise<WebRlExportTotals> {
  const totals: WebRlExportTotals = { episodes: 0, steps: 0, unscored: 0, inexpressible: 0 };
  const handlers: TrajectoryHandlers = {
    onSkip(episodeId, taskId, reason, inexpressible) {
      if (inexpressible) totals.inexpressible++;
      else totals.unscored++;
      options.onSkip?.(episodeId, taskId, reason, inexpressible);
    },
  };
  for await (const traj of webrlTrajectories(store, runId, handlers)) {
    await write(traj);
    totals.episodes++;
    totals.steps += traj.steps.length;
    options.onTrajectory?.(traj);
  }
  return totals;
}
