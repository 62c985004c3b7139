import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, StepRecord, TaskRecord } from '../../../main/api/types';
import { openStore, type Store } from '../../../main/store';
import { parseAxTreeText } from '../../../main/training/export/ax-text';
import { rebuildStates } from '../../../main/training/export/checkpoint-scores';
import { episodeMath } from '../../../main/training/export/episode-math';
import { exportRun } from '../../../main/training/export/export-run';
import type { ExportLine, ExportOptions } from '../../../main/training/export/types';
import { MiraDefaults } from '../../../main/training/defaults';
import { findCandidate } from '../../../main/training/model/candidates';
import { CriticModel } from '../../../main/training/model/critic-model';
import { LocalScorer } from '../../../main/training/model/local-scorer';
import { PolicyModel } from '../../../main/training/model/policy-model';
import { useCpuBackend } from './tf-setup';

// A hand-built successful episode, K = 3 subgoals, T = 4 steps, stored value/potential columns:
//   progress after each action   [0,0,0] [1,0,0] [1,1,0] [1,1,1]  → completions at states 2, 3, 4 (= T)
//   labels p*_0..p*_4            knots (0,0) (2,1/3) (3,2/3) (4,1) → [0, 1/6, 1/3, 2/3, 1]
//   progress_label of step t     p*_{t+1} = [1/6, 1/3, 2/3, 1]
//   V(s_t) = [.5, .6, .7, .8];  P(s_t) = [.1, .2, .4, .7]; terminal shaping (as the trainer): P(s_4) = outcome = 1
//   r = [0, 0, 0, 1];  α = .3:   r' = [.03, .06, .09, 1 + .3·(1 − .7)] = [.03, .06, .09, 1.09]
//   λ = .5, γ = .9, V(s_4) = 0 (terminal):
//     δ = [.03 + .54 − .5, .06 + .63 − .6, .09 + .72 − .7, 1.09 − .8] = [.07, .09, .11, .29]
//     G = [.95151, 1.0239, 1.071, 1.09]   (G_t = r'_t + .9·G_{t+1})
//     G − V = [.45151, .4239, .371, .29]
//     A = ½(δ + G − V) = [.260755, .25695, .2405, .29]
const OBS = [
  "RootWebArea 'Shop'",
  "\t[4] link 'My Account'",
  "\t[9] textbox 'Search' value: ",
  "\t[30] link 'Shoes'",
  "\t[375] combobox 'Sort By' value: Position expanded: false",
  "\t\t[50] StaticText 'Men\\'s shoes: new'",
].join('\n');
const ACTIONS: Array<[Action, string]> = [
  [{ type: 'click', elementId: '30' }, 'click [30]'],
  [{ type: 'type', elementId: '9', text: 'Shoes' }, 'type [9] [Shoes]'],
  [{ type: 'select', elementId: '375', text: 'Price' }, 'select [375] [Price]'],
  [{ type: 'stop', text: 'new' }, 'stop [new]'], // an answer the page offers ("Men's shoes: new")
];
const PROGRESS = [[0, 0, 0], [1, 0, 0], [1, 1, 0], [1, 1, 1]];
const VALUES = [0.5, 0.6, 0.7, 0.8];
const POTENTIALS = [0.1, 0.2, 0.4, 0.7];

const task: TaskRecord = {
  id: 'shop-1', source: 'sandbox', sites: ['shop'], intent: 'Sort the Shoes by Price', startUrl: 'http://shop/',
  config: { instantiation_dict: { category: 'Shoes', order: 'Price' } }, split: 'train', family: 'shop/sorted-category',
};

let dir: string;
let store: Store;

async function addEpisode(id: string, success: boolean | null, opts: { critic?: boolean; progress?: number[][]; actions?: Array<[Action, string]> } = {}): Promise<void> {
  const actions = opts.actions ?? ACTIONS;
  await store.episodes.create({ id, runId: 'run-1', taskId: task.id, policy: 'oracle', seed: 0, createdAt: `2026-01-01T00:00:0${id.length}Z` });
  const observationRef = await store.blobs.put(OBS);
  for (let t = 0; t < actions.length; t++) {
    const step: StepRecord = {
      episodeId: id, t, url: `http://shop/${t}`, observationRef, screenshotRef: null, promptRef: null, responseRef: null,
      action: actions[t][0], actionText: actions[t][1], actionError: null, targetBox: null,
      progress: (opts.progress ?? PROGRESS)[t] ?? null, value: opts.critic === false ? null : VALUES[t], potential: opts.critic === false ? null : POTENTIALS[t],
      latencyMs: 1, timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
    };
    await store.steps.insert(step);
  }
  if (success !== null) {
    await store.episodes.finish(id, { status: 'finished', success, score: success ? 1 : 0, answer: 'done', stopReason: 'agent_stop', outcome: success ? 'Succeeded.' : 'Failed.', evaluation: null });
  }
}

async function collect(options: Partial<ExportOptions> = {}): Promise<{ lines: ExportLine[]; skipped: Array<[string, string]> }> {
  const skipped: Array<[string, string]> = [];
  const lines: ExportLine[] = [];
  for await (const line of exportRun(store, 'run-1', { format: 'mira', onSkip: (id, reason) => skipped.push([id, reason]), ...options })) lines.push(JSON.parse(line));
  return { lines, skipped };
}

const byEpisode = (lines: ExportLine[], id: string) => lines.filter((l) => l.episode_id === id);
function expectClose(actual: (number | null)[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 10));
}

beforeAll(async () => {
  await useCpuBackend();
  dir = await mkdtemp(join(tmpdir(), 'mira-export-unit-'));
  store = await openStore(dir);
  await store.tasks.upsert(task);
  await store.runs.create({ id: 'run-1', kind: 'eval', config: {}, status: 'finished', createdAt: '2026-01-01T00:00:00Z' });
  await addEpisode('ok', true);
  await addEpisode('fail', false);
  await addEpisode('unscored', null);
  await addEpisode('nocritic', true, { critic: false });
});
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('exportRun on a hand-built K = 3 episode (docs/design/MIRA.md §4)', () => {
  it('writes progress labels p*_{t+1}, shaped rewards and doubly-robust advantages as worked by hand', async () => {
    const lines = byEpisode((await collect({ mira: { gamma: 0.9 } })).lines, 'ok');
    expect(lines.map((l) => l.t)).toEqual([0, 1, 2, 3]);
    expectClose(lines.map((l) => l.mira.progress_label), [1 / 6, 1 / 3, 2 / 3, 1]);
    expectClose(lines.map((l) => l.mira.shaped_reward), [0.03, 0.06, 0.09, 1.09]);
    expectClose(lines.map((l) => l.mira.advantage), [0.260755, 0.25695, 0.2405, 0.29]);
    expect(lines.map((l) => l.mira.value)).toEqual(VALUES);
    expect(lines.map((l) => l.mira.potential)).toEqual(POTENTIALS);
    expect(lines.map((l) => l.mira.outcome_reward)).toEqual([0, 0, 0, 1]);
    expect(lines.map((l) => l.mira.subgoals_done)).toEqual([0, 1, 2, 3]);
    expect(lines.every((l) => l.mira.subgoals_total === 3 && l.mira.critic_source === 'stored' && l.mira.local_policy_ref_logprob === null)).toBe(true);
  });

  it('honours α, λ, γ overrides: λ = 1 leaves the one-step TD errors; α = 0 leaves the raw rewards', async () => {
    const td = byEpisode((await collect({ mira: { lambda: 1, gamma: 0.9 } })).lines, 'ok');
    expectClose(td.map((l) => l.mira.advantage), [0.07, 0.09, 0.11, 0.29]);
    // α = 0, λ = 0, γ = 1: A_t = Σ r − V(s_t) = 1 − V(s_t)
    const mc = byEpisode((await collect({ mira: { alpha: 0, lambda: 0, gamma: 1 } })).lines, 'ok');
    expectClose(mc.map((l) => l.mira.shaped_reward), [0, 0, 0, 1]);
    expectClose(mc.map((l) => l.mira.advantage), [0.5, 0.4, 0.3, 0.2]);
  });

  it('writes the WebRL fields: intent, stored observation, previous actions and the action in WebRL grammar', async () => {
    const lines = byEpisode((await collect()).lines, 'ok');
    const webrl = [
      'do(action="Click", element="30")',
      'do(action="Search", argument="Shoes", element="9")',
      'do(action="Select Dropdown Option", argument="Price", element="375")',
      'exit(message="new")',
    ];
    expect(lines.map((l) => l.action)).toEqual(webrl);
    expect(lines[2].previous_actions).toEqual(webrl.slice(0, 2));
    expect(lines[0]).toMatchObject({ schema: 'mira-export/2', run_id: 'run-1', task_id: 'shop-1', task: task.intent, observation: OBS, observation_format: 'axtree', action_text: 'click [30]', done: false, trajectory_reward: 1 });
    expect(lines[3].done).toBe(true);
  });

  it('gives failed episodes rewards 0, the P labels the trainer fits, and shaping that ends at the outcome 0', async () => {
    const lines = byEpisode((await collect()).lines, 'fail');
    // failedProgressLabels: all three subgoals completed (states 2, 3, 4), no gap anchor → [1/6, 1/3, 2/3, 1]
    expectClose(lines.map((l) => l.mira.progress_label), [1 / 6, 1 / 3, 2 / 3, 1]);
    expect(lines.map((l) => l.mira.outcome_reward)).toEqual([0, 0, 0, 0]);
    // P(s_4) is the outcome 0: the last step is shaped by −α·P(s_3) = −.21; the sum is −α·P(s_0) = −.03
    expectClose(lines.map((l) => l.mira.shaped_reward), [0.03, 0.06, 0.09, -0.21]);
    expect(lines.every((l) => l.trajectory_reward === 0)).toBe(true);
  });

  it('skips an episode without an outcome with its reason, and leaves critics null when none is known', async () => {
    const { lines, skipped } = await collect();
    expect(skipped.map(([id]) => id)).toEqual(['unscored']);
    expect(skipped[0][1]).toMatch(/no outcome \(status running/);
    expect(byEpisode(lines, 'unscored')).toEqual([]);
    const bare = byEpisode(lines, 'nocritic');
    expect(bare.every((l) => l.mira.value === null && l.mira.potential === null && l.mira.shaped_reward === null && l.mira.advantage === null && l.mira.critic_source === null)).toBe(true);
    expectClose(bare.map((l) => l.mira.progress_label), [1 / 6, 1 / 3, 2 / 3, 1]);
  });

  it('takes V, P and log π_ref from a checkpoint on the states the trainer would have recorded', async () => {
    const scorer = new LocalScorer(PolicyModel.init(), {}, CriticModel.init());
    const lines = byEpisode((await collect({ checkpoint: scorer })).lines, 'nocritic');
    const states = rebuildStates(scorer, { intent: task.intent, instantiation: task.config.instantiation_dict as Record<string, unknown>, subgoals: [], K: 3 }, await store.steps.list('nocritic'), ACTIONS.map(() => OBS));
    expect(states).toHaveLength(5);
    expect(states[2].progress).toEqual([1, 0, 0]);
    expect(states[2].past.map((p) => p.elementName)).toEqual(['Shoes', 'Search']);
    expect(states[4]).toMatchObject({ t: 4, progress: [1, 1, 1] });
    lines.forEach((l, t) => {
      const { candidates, probs } = scorer.score(states[t]);
      const index = findCandidate(ACTIONS[t][0], candidates, states[t].nodes);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(l.mira.local_policy_ref_logprob).toBeCloseTo(Math.log(probs[index]), 6);
      expect(l.mira.value).toBeCloseTo(scorer.critique(states[t])!.value, 6);
      expect(l.mira.critic_source).toBe('checkpoint');
    });
    // Stored columns win over a checkpoint, so a line never mixes critics.
    expect(byEpisode((await collect({ checkpoint: scorer })).lines, 'ok')[0].mira.critic_source).toBe('stored');
  });
});

describe('episodeMath', () => {
  it('spreads subgoals completed by one action (ties) as episodeProgressLabels does', () => {
    // completions at states 2, 2 (two subgoals after action 1) and 4 = T. Refined ×4: knots (0,0) (7,1/3)
    // (8,2/3) (16,1) → p*_1 = (4/7)·(1/3), p*_2 = 2/3, p*_3 = 2/3 + ½·(1/3), p*_4 = 1.
    const m = episodeMath({ success: true, progressAfter: [[0, 0, 0], [1, 1, 0], [1, 1, 0], [1, 1, 1]], values: null, potentials: null, config: MiraDefaults });
    expectClose(m.labels, [4 / 21, 2 / 3, 5 / 6, 1]);
    expect(m.shaped).toBeNull();
  });

  it('anchors the last subgoal at T when the rater never marked it done', () => {
    // completions at states 2 and 3; the third is pinned to T = 5: p* = [0, 1/6, 1/3, 2/3, 5/6, 1]
    const m = episodeMath({ success: true, progressAfter: [[0, 0, 0], [1, 0, 0], [1, 1, 0], [1, 1, 0], [1, 1, 0]], values: null, potentials: null, config: MiraDefaults });
    expectClose(m.labels, [1 / 6, 1 / 3, 2 / 3, 5 / 6, 1]);
  });
});

describe('parseAxTreeText', () => {
  it('reads ids, roles, unescaped names and props back from the stored observation text', () => {
    expect(parseAxTreeText(OBS)).toEqual([
      { id: '4', role: 'link', name: 'My Account', props: {}, depth: 0 },
      { id: '9', role: 'textbox', name: 'Search', props: { value: '' }, depth: 0 },
      { id: '30', role: 'link', name: 'Shoes', props: {}, depth: 0 },
      { id: '375', role: 'combobox', name: 'Sort By', props: { value: 'Position', expanded: 'false' }, depth: 0 },
      { id: '50', role: 'StaticText', name: "Men's shoes: new", props: {}, depth: 1 },
    ]);
  });
});
