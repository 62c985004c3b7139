import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action, EpisodeRecord, StepRecord } from '../../../main/api/types';
import type { Store } from '../../../main/store';
import { trainerSteps, writeWebRlTrainer } from '../../../main/training/export/webrl-writers';
import { webrlTrajectories, type WebRlTrajectory } from '../../../main/training/export/webrl-trajectories';

// The run's episodes as WebRL trajectories and the trainer's lines (issue 23; docs/export.md §2, §3), on a
// hand-built store: one page with ids 0 → n10, and episodes of one click then a stop.
const HTML = '<html> <body> <button id="0" data-text="Go"> Go </button> </body> </html>';
const blobs: Record<string, string> = { html: HTML, ids: JSON.stringify({ 0: 'n10' }) };

function episode(id: string, success: boolean, score: number): EpisodeRecord {
  return {
    id, runId: 'r', taskId: 'miniwob/click-test', policy: 'random', seed: 0, status: 'finished', success, score, answer: null,
    stopReason: 'task_done', outcome: null, failureMode: null, evaluation: null, analysis: null, stepCount: 2,
    createdAt: '2026-12-05T00:00:00Z', finishedAt: null, instruction: 'Click the button.',
  };
}

function step(t: number, action: Action): StepRecord {
  return {
    episodeId: 'e', t, url: 'http://x/', observationRef: null, screenshotRef: null, promptRef: null, responseRef: null,
    action, actionText: '', actionError: null, targetBox: null, progress: null, value: null, potential: null, latencyMs: 0,
    timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
    views: { policy: { format: 'axtree', textRef: 'ax', idsRef: null }, webrl: { format: 'webrl-html', textRef: 'html', idsRef: 'ids' } },
  };
}

function fakeStore(episodes: EpisodeRecord[], listSteps: (id: string) => StepRecord[] = () => [step(0, { type: 'click', elementId: 'n10' }), step(1, { type: 'stop', text: '' })]): Store {
  return {
    runs: { get: async () => ({ id: 'r' }) },
    // The store lists newest first; the export reverses to oldest first.
    episodes: { list: async () => [...episodes].reverse() },
    steps: { list: async (id: string) => listSteps(id) },
    tasks: { get: async () => undefined },
    blobs: { getText: async (ref: string) => { if (!(ref in blobs)) throw new Error('gone'); return blobs[ref]; } },
  } as unknown as Store;
}

async function collect(store: Store): Promise<WebRlTrajectory[]> {
  const out: WebRlTrajectory[] = [];
  for await (const traj of webrlTrajectories(store, 'r', { onSkip: () => undefined })) out.push(traj);
  return out;
}

describe('webrlTrajectories: the score WebRL reads', () => {
  it('is the binary outcome, not a MiniWoB++ raw reward: −1 (wrong answer) → 0, 0.3 (a slow success) → 1', async () => {
    // WebRL reads `score` as an outcome in {0, 1}: process_data.py labels score ≥ 0.5 a success and the
    // trainer adds reward to every step's advantage. Before the fix the raw rewards −1 and 0.3 were written,
    // so this failure got reward −1 and this success was labelled a failure (0.3 < 0.5).
    const got = await collect(fakeStore([episode('fail', false, -1), episode('slow', true, 0.3), episode('ok', true, 1)]));
    expect(got.map((t) => [t.source.episode.id, t.score])).toEqual([['fail', 0], ['slow', 1], ['ok', 1]]);
  });
});

describe('trainerSteps: what process_data.py gives the trainer', () => {
  it("equals process_data.py's stage-1 steps plus the trainer's mc_return, field for field and in its key order", () => {
    // Expected values: WebRL's scripts/process_data.py (trace_process, build_policy_data, then add_mc_return
    // with γ = 0.9) run on the same two-line trace, printed, and pasted here. Before the fix `task` and
    // `trajectory_reward` were missing, and stage 2 (`--stage 2`) stopped with KeyError: 'trajectory_reward'.
    const USER = '<|eot_id|><|start_header_id|>user<|end_header_id|>\n';
    const ASSISTANT = '<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n';
    const click = 'I click.\ndo(action="Click", element="3")';
    const steps = [
      { prompt: 'Buy socks', response: click, call: '', html: '<html>P0</html>' },
      { prompt: '** Simplified html **', response: 'exit(message="done")', call: '', html: '<html>P1</html>' },
    ];
    const round0 = `Round 0\n\n${USER}Buy socks\n\n${ASSISTANT}${click}\n\n`;
    const round1 = `Round 1\n\n${USER}** Simplified html **\n\n${ASSISTANT}exit(message="done")\n\n`;
    const got = trainerSteps({ intent: 'Buy socks', score: 1, steps }, 0.9);
    expect(got).toEqual([
      {
        observation: `Task Instruction: Buy socks\n\nRound 0\n\n${USER}<html>P0</html>\n\n${ASSISTANT}`,
        next_observation: `Task Instruction: Buy socks\n\n${round0}Round 1\n\n${USER}<html>P1</html>\n\n${ASSISTANT}`,
        task: 'Buy socks', reward: 1, done: false, action: click, trajectory_reward: 1, mc_return: 1.9,
      },
      {
        observation: `Task Instruction: Buy socks\n\n${round0}Round 1\n\n${USER}<html>P1</html>\n\n${ASSISTANT}`,
        next_observation: `Task Instruction: Buy socks\n\n${round0}${round1}Round 2\n\n${USER}<html>P1</html>\n\n${ASSISTANT}`,
        task: 'Buy socks', reward: 1, done: true, action: 'exit(message="done")', trajectory_reward: 1, mc_return: 1,
      },
    ]);
    expect(got.map((s) => Object.keys(s))).toEqual(Array(2).fill(['observation', 'next_observation', 'task', 'reward', 'done', 'action', 'trajectory_reward', 'mc_return']));
    expect(trainerSteps({ intent: 'x', score: 0, steps }, 0.9).map((s) => [s.reward, s.trajectory_reward, s.mc_return])).toEqual([[0, 0, 0], [0, 0, 0]]);
  });
});

describe('writeWebRlTrainer: a failed export loses nothing', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('leaves the previous file as it was, and no partial file, when reading the store fails mid-way', async () => {
    dir = await mkdtemp(join(tmpdir(), 'webrl-trainer-'));
    const file = join(dir, 'trajectories.jsonl');
    await writeFile(file, 'the previous export\n');
    // The second episode's steps cannot be read (a database error): before the fix the file had already been
    // truncated and held the first trajectory alone, which reads as a complete, smaller export.
    const store = fakeStore([episode('a', true, 1), episode('b', true, 1)], (id) => {
      if (id === 'b') throw new Error('SQLITE_IOERR: disk I/O error');
      return [step(0, { type: 'click', elementId: 'n10' }), step(1, { type: 'stop', text: '' })];
    });
    await expect(writeWebRlTrainer(store, 'r', file)).rejects.toThrow('SQLITE_IOERR');
    expect(await readFile(file, 'utf8')).toBe('the previous export\n');
    expect(await readdir(dir)).toEqual(['trajectories.jsonl']);

    const ok = await writeWebRlTrainer(fakeStore([episode('a', true, 1)]), 'r', file);
    expect(ok).toEqual({ episodes: 1, steps: 2, unscored: 0, inexpressible: 0 });
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])[0]).toMatchObject({ action: 'do(action="Click", element="0")', reward: 1, trajectory_reward: 1 });
    expect(await readdir(dir)).toEqual(['trajectories.jsonl']);
  });
});
