import { execFile, spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../../main/cli/export-command';
import type { Action, StepRecord } from '../../main/api/types';
import { trainerSteps, writeVabTraces, writeWebRlTrainer, type WebRlExportTotals, type WebRlTrainerStep } from '../../main/training/export/webrl-writers';
import { useCore, useTempDir } from '../helpers/use-core';

// Issue 23 "Must show": real sandbox episodes (the oracle writing WebRL's grammar on WebRL's HTML, the
// oracle writing WebArena's grammar on the AX tree, the 'wrong' policy) exported as `vab-traces` and
// `webrl-trainer`, then read by test/fixtures/webrl_reader.py, which follows WebRL's documented loader
// rules (required keys and types, one reward per step, non-null actions, ids of the page, the prompt
// layout) and rebuilds the trainer steps from the traces the way process_data.py lays them out.
const READER = resolve(import.meta.dirname, '../fixtures/webrl_reader.py');
const PYTHON = spawnSync('python3', ['--version']).status === 0;
const core = useCore({ sandbox: { instancesPerFamily: 1 } });
// The CLI refuses to write inside the data directory (docs/export.md), so its exports go beside it.
const exportsDir = useTempDir('mira-exports-');
const runs = { webrl: '', axtree: '', wrong: '' };
const source = { episodeId: '', steps: [] as StepRecord[] };

beforeAll(async () => {
  const task = core.catalog!.all().find((i) => i.family === 'shop/add-to-cart')!;
  const setups = {
    webrl: { policy: 'oracle', grammar: 'webrl', observationFormat: 'webrl-html' },
    axtree: { policy: 'oracle', grammar: 'webarena', observationFormat: 'axtree' },
    // Seed 1: its wandering clicks land on links in the first screen, the only ones WebRL's HTML numbers
    // (label.js), so the episode can be written in WebRL's terms (seed 3 picks a footer link).
    wrong: { policy: 'wrong', seed: 1 },
  } as const;
  for (const [name, setup] of Object.entries(setups) as [keyof typeof runs, (typeof setups)[keyof typeof setups]][]) {
    const { runId, done } = await core.run({ taskIds: [task.id], seed: 3, ...setup });
    await done;
    runs[name] = runId;
  }
  const [episode] = await core.store.episodes.list({ runId: runs.webrl });
  source.episodeId = episode.id;
  source.steps = await core.store.steps.list(episode.id);
  // Two recorded copies of the WebRL episode, each with one step WebRL has no words for (a goto; a Wait):
  // the exports must skip and count them, not write them.
  await copyWith(runs.webrl, episode.taskId, 1, { type: 'goto', url: 'http://127.0.0.1/elsewhere' });
  await copyWith(runs.webrl, episode.taskId, 1, { type: 'noop' });
}, 400_000);

async function copyWith(runId: string, taskId: string, t: number, action: Action): Promise<void> {
  const id = `copy-${action.type}`;
  await core.store.episodes.create({ id, runId, taskId, policy: 'oracle', seed: 3, createdAt: new Date().toISOString() });
  for (const step of source.steps) await core.store.steps.insert({ ...step, episodeId: id, ...(step.t === t ? { action, actionText: JSON.stringify(action) } : {}) });
  await core.store.episodes.finish(id, { status: 'finished', success: true, score: 1, answer: '', stopReason: 'agent_stop', outcome: 'Succeeded. A copy.', evaluation: null });
}

interface ReaderReport {
  traces: number;
  trace_steps: number;
  scores: number[];
  trainer_trajectories: number;
  trainer_steps: number;
  matched: number;
  actions: Record<string, number>;
  errors: string[];
}

function readWithPython(dir: string, file: string): Promise<ReaderReport> {
  return new Promise((done, fail) => {
    execFile('python3', [READER, dir, file], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      try {
        done(JSON.parse(stdout) as ReaderReport);
      } catch {
        fail(new Error(`webrl_reader.py printed no report (${err?.message ?? ''}): ${stderr}`));
      }
    });
  });
}

async function exportBoth(runId: string, name: string) {
  const dir = join(core.dataDir, `vab-${name}`);
  const file = join(core.dataDir, `trainer-${name}.jsonl`);
  const skipped: string[] = [];
  const onSkip = (id: string, _task: string, reason: string) => void skipped.push(`${id}: ${reason}`);
  const vab = await writeVabTraces(core.store, runId, dir, { onSkip });
  const trainer = await writeWebRlTrainer(core.store, runId, file, { onSkip: () => undefined });
  return { dir, file, vab, trainer, skipped };
}

const readTrainer = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as WebRlTrainerStep[]);

describe('WebRL exports of recorded sandbox episodes', () => {
  it('stores what the policy read: its WebRL HTML view and id map, and the HTML view for an AX-tree policy too', async () => {
    const step = source.steps[0];
    expect(step.views!.policy).toMatchObject({ format: 'webrl-html' });
    expect(step.views!.webrl).toEqual(step.views!.policy);
    const html = await core.store.blobs.getText(step.views!.webrl.textRef);
    const ids = JSON.parse(await core.store.blobs.getText(step.views!.webrl.idsRef!)) as Record<string, string>;
    // The reply's element is a sequential id of the stored HTML, and the map leads to the node the step acted on.
    const reply = await core.store.blobs.getText(step.responseRef!);
    const element = /element="(\d+)"/.exec(reply)![1];
    expect(html).toContain(`id="${element}"`);
    expect(ids[element]).toBe(step.action!.elementId);

    const [axEpisode] = await core.store.episodes.list({ runId: runs.axtree });
    const axStep = (await core.store.steps.list(axEpisode.id))[0];
    expect(axStep.views!.policy).toEqual({ format: 'axtree', textRef: axStep.observationRef, idsRef: null });
    expect(await core.store.blobs.getText(axStep.views!.webrl.textRef)).toMatch(/^<html data-bbox="[\d,-]+"> <body /);
  });

  it('vab-traces: one trace and one actions file per expressible episode; the goto and Wait copies are skipped and counted', async () => {
    const { dir, vab, skipped } = await exportBoth(runs.webrl, 'webrl');
    expect(vab).toEqual<WebRlExportTotals>({ episodes: 1, steps: source.steps.length, unscored: 0, inexpressible: 2 });
    expect(skipped).toHaveLength(2);
    expect(skipped).toEqual(expect.arrayContaining([
      "copy-goto: WebRL cannot express it (step 1: WebRL's action space has no goto.)",
      expect.stringMatching(/^copy-noop: WebRL cannot express it \(step 1: a Wait/),
    ]));
    expect(await readdir(join(dir, 'traces'))).toEqual([`${source.episodeId}.jsonl`]);
    const lines = (await readFile(join(dir, 'traces', `${source.episodeId}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const replies = await Promise.all(source.steps.map((s) => core.store.blobs.getText(s.responseRef!)));
    // The WebRL policy's raw replies are the responses, unchanged.
    expect(lines.map((l) => l.response)).toEqual(replies);
    expect(lines[0]).toMatchObject({ trace_id: source.episodeId, index: 0, prompt: lines[0].target });
    expect(lines.slice(1).every((l) => l.prompt === '** Simplified html **')).toBe(true);
    const actions = JSON.parse(await readFile(join(dir, 'actions', `${source.episodeId}.json`), 'utf8'));
    expect(actions).toMatchObject({ score: 1 });
    expect(actions.actions).toHaveLength(lines.length);
  });

  it.skipIf(!PYTHON)(`the Python reader loads every run's vab-traces and webrl-trainer output by WebRL's rules${PYTHON ? '' : ' (skipped: python3 is not installed)'}`, async () => {
    for (const name of ['webrl', 'axtree', 'wrong'] as const) {
      const { dir, file, vab, trainer } = await exportBoth(runs[name], name);
      const report = await readWithPython(dir, file);
      expect(report.errors).toEqual([]);
      expect(report.traces).toBe(vab.episodes);
      expect(report.trainer_trajectories).toBe(trainer.episodes);
      expect(report.matched).toBe(trainer.episodes);
      expect(report.trace_steps).toBe(vab.steps);
      if (name === 'wrong') expect(report).toMatchObject({ traces: 1, scores: [0] });
      else {
        expect(report).toMatchObject({ traces: 1, scores: [1] });
        // The oracle's add-to-cart: search, click, selects, type, exit.
        expect(report.actions).toMatchObject({ Search: 1, Click: expect.any(Number), exit: 1 });
      }
    }
  }, 120_000);

  it.skipIf(!PYTHON)(`the Python reader is no rubber stamp: it names a null action, a missing field, a Wait and a wrong mc_return${PYTHON ? '' : ' (skipped: python3 is not installed)'}`, async () => {
    const { dir, file } = await exportBoth(runs.webrl, 'broken');
    const [traj] = await readTrainer(file);
    const broken = [
      traj.map((s, t) => (t === 1 ? { ...s, action: null } : s)),
      traj.map((s, t) => (t === 2 ? { ...s, mc_return: 0.5 } : s)),
      traj.map(({ done: _done, ...rest }, t) => (t === 0 ? rest : { ...rest, done: t === traj.length - 1 })),
    ];
    await writeFile(file, broken.map((b) => JSON.stringify(b)).join('\n'));
    const trace = join(dir, 'traces', `${source.episodeId}.jsonl`);
    const lines = (await readFile(trace, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    lines[1].response = 'do(action="Wait")';
    await writeFile(trace, lines.map((l) => JSON.stringify(l)).join('\n'));
    const report = await readWithPython(dir, file);
    expect(report.errors).toEqual(expect.arrayContaining([
      'trainer line 1 step 1: action is not a non-empty string',
      expect.stringMatching(/^trainer line 2 step 2: mc_return 0\.5 != /),
      "trainer line 3 step 0: keys ['observation', 'next_observation', 'task', 'reward', 'action', 'trajectory_reward', 'mc_return']",
      expect.stringMatching(/^traces\/.+\.jsonl:1: response 'do\(action="Wait"\)': WebRL has no action 'Wait'$/),
    ]));
  }, 120_000);

  it("webrl-trainer: process_data.py's fields, reward = score on every step, mc_return with γ = 0.9, the prompt layout", async () => {
    const { file } = await exportBoth(runs.webrl, 'webrl-layout');
    const [traj] = await readTrainer(file);
    const T = traj.length;
    expect(T).toBe(source.steps.length);
    for (const [t, step] of traj.entries()) {
      expect(Object.keys(step)).toEqual(['observation', 'next_observation', 'task', 'reward', 'done', 'action', 'trajectory_reward', 'mc_return']);
      expect(step.reward).toBe(1);
      expect(step.trajectory_reward).toBe(1);
      expect(step.done).toBe(t === T - 1);
      // Σ_{k<T−t} 0.9^k by hand: (1 − 0.9^{T−t}) / (1 − 0.9).
      expect(step.mc_return).toBeCloseTo((1 - 0.9 ** (T - t)) / 0.1, 12);
      expect(step.observation.startsWith('Task Instruction: ')).toBe(true);
      expect(step.observation).toContain(`Round ${t}\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n<html `);
      expect(step.observation.endsWith('<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n')).toBe(true);
    }
    expect(traj[1].observation).toContain(`Round 0\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n${traj[0].observation.slice('Task Instruction: '.length).split('\n\n')[0]}\n\n`);
    expect(traj[1].observation).toContain(`<|start_header_id|>assistant<|end_header_id|>\n${traj[0].action}\n\n`);
    expect(traj[T - 2].next_observation).toBe(traj[T - 1].observation);
  });

  it("the AX-tree oracle's actions are re-rendered with the HTML's ids", async () => {
    const { dir } = await exportBoth(runs.axtree, 'axtree-ids');
    const [name] = await readdir(join(dir, 'traces'));
    const lines = (await readFile(join(dir, 'traces', name), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const [episode] = await core.store.episodes.list({ runId: runs.axtree });
    const steps = await core.store.steps.list(episode.id);
    for (const [t, line] of lines.entries()) {
      expect(line.response).toMatch(/^(do|exit)\(/);
      const element = /element="(\d+)"/.exec(line.response)?.[1];
      if (element === undefined) continue;
      const ids = JSON.parse(await core.store.blobs.getText(steps[t].views!.webrl.idsRef!)) as Record<string, string>;
      expect(ids[element]).toBe(steps[t].action!.elementId);
    }
  });

  it('trainerSteps repeats the last page as the last next_observation, as WebRL does', () => {
    const steps = [{ prompt: 'Buy', response: 'do(action="Click", element="1")', call: '', html: '<html>A</html>' }, { prompt: '** Simplified html **', response: 'exit(message="")', call: '', html: '<html>B</html>' }];
    const out = trainerSteps({ intent: 'Buy', score: 0, steps }, 0.9);
    expect(out.map((s) => [s.reward, s.trajectory_reward, s.mc_return, s.done])).toEqual([[0, 0, 0, false], [0, 0, 0, true]]);
    expect(out[1].next_observation).toContain('Round 2\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n<html>B</html>');
  });

  it('the CLI writes both formats, prints the skip counts, and refuses --checkpoint for them', async () => {
    const logged: string[] = [];
    const errors: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
    const err = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    try {
      const out = join(exportsDir.path, 'cli-vab');
      expect(await exportCommand({ command: 'export', positionals: [], flags: { run: runs.webrl, format: 'vab-traces', out } }, core)).toBe(0);
      const file = join(exportsDir.path, 'cli-trainer.jsonl');
      expect(await exportCommand({ command: 'export', positionals: [], flags: { run: runs.webrl, format: 'webrl-trainer', out: file } }, core)).toBe(0);
      expect(await readTrainer(file)).toHaveLength(1);
      await expect(exportCommand({ command: 'export', positionals: [], flags: { run: runs.webrl, format: 'webrl-trainer' } }, core)).rejects.toThrow(/--out is required/);
      await expect(exportCommand({ command: 'export', positionals: [], flags: { run: runs.webrl, format: 'csv', out } }, core)).rejects.toThrow(/--format must be one of mira, vab-traces, webrl-trainer/);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    expect(logged.filter((l) => l.startsWith('Exported'))).toEqual([
      `Exported 1 trajectory(ies), ${source.steps.length} step(s); skipped 0 episode(s) without an outcome and 2 with a step WebRL cannot express.`,
      `Exported 1 trajectory(ies), ${source.steps.length} step(s); skipped 0 episode(s) without an outcome and 2 with a step WebRL cannot express.`,
    ]);
    expect(errors.filter((e) => e.startsWith('skipped episode copy-'))).toHaveLength(4);
  });
});
