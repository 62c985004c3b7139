import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grammarNamed } from '../../../main/actions/grammars';
import { LocalPolicy } from '../../../main/agent/local-policy';
import type { Observation, ObservedNode } from '../../../main/browser/observation-types';
import { answerCandidates, type AnswerSourceNode } from '../../../main/training/answer/answer-candidates';
import { answerAtoms, answerKey } from '../../../main/training/answer/answer-text';
import { buildCandidates, candidateAction, findCandidate } from '../../../main/training/model/candidates';
import { loadCheckpoint } from '../../../main/training/model/checkpoint';
import { featurize, type RawState } from '../../../main/training/model/features';
import { LocalScorer } from '../../../main/training/model/local-scorer';
import { PolicyModel } from '../../../main/training/model/policy-model';
import type { DemoStep, Trajectory } from '../../../main/training/rollout/record';
import { demoSamples } from '../../../main/training/phases/sft';
import { sftStep } from '../../../main/training/phases/updates';
import { useCpuBackend } from './tf-setup';

beforeAll(useCpuBackend);

// A hand-made orders page (shapes as the sandbox renders them): site chrome, a filter sidebar before the
// content, a count in a sentence, a table whose cells are known by their column, an edit field's value.
const PAGE: (AnswerSourceNode & { id: string })[] = [
  { id: '1', role: 'banner', name: '', depth: 0 },
  { id: '2', role: 'link', name: 'Signed in as admin', depth: 1 },
  { id: '3', role: 'complementary', name: '', depth: 0 },
  { id: '4', role: 'link', name: '4 stars & up (11)', depth: 1 },
  { id: '5', role: 'main', name: '', depth: 0 },
  { id: '6', role: 'StaticText', name: '3 records found', depth: 1 },
  { id: '7', role: 'table', name: '', depth: 1 },
  { id: '8', role: 'columnheader', name: 'Purchase Date ▼', depth: 2 },
  { id: '9', role: 'columnheader', name: 'Grand Total', depth: 2 },
  { id: '10', role: 'cell', name: 'Jun 28, 2023', depth: 2 },
  { id: '11', role: 'cell', name: '$1,234.50', depth: 2 },
  { id: '12', role: 'cell', name: 'Jun 21, 2023', depth: 2 },
  { id: '13', role: 'cell', name: '$340.27', depth: 2 },
  { id: '14', role: 'StaticText', name: 'Submitted by', depth: 1 },
  { id: '15', role: 'link', name: 'BraveWombat206', depth: 1 },
  { id: '16', role: 'textbox', name: 'Price', props: { value: '121.49' }, depth: 1 },
  { id: '17', role: 'button', name: 'Save', depth: 1 },
];

describe('answer atoms of one text (answer-text.ts)', () => {
  it('offers a short text whole, a label\'s value, and every number and date with the words before it', () => {
    expect(answerAtoms('Time: 112 min')).toEqual([
      { text: '112 min', kind: 'number', before: 'Time' },
      { text: '112 min', kind: 'number', before: 'Time' },
    ]);
    expect(answerAtoms('5 records found')).toEqual([
      { text: '5 records found', kind: 'text', before: '' },
      { text: '5', kind: 'number', before: '' },
    ]);
    // A version inside a file's text; a SHA is a word, not a number.
    expect(answerAtoms('{ "name": "x", "version": "4.8.11" }').map((a) => [a.text, a.before])).toEqual([['4.8.11', 'name x version']]);
    expect(answerAtoms('2e7a78c6')).toEqual([{ text: '2e7a78c6', kind: 'text', before: '' }]);
    // A date's day and year are not numbers of their own.
    expect(answerAtoms('on Aug 24, 2023').map((a) => a.text)).toEqual(['on Aug 24, 2023', 'Aug 24, 2023']);
    // Text that leads in to the next node is not an answer.
    expect(answerAtoms('Submitted by')).toEqual([]);
  });

  it('offers an amount with thousands commas also without them, and keys answers as the evaluator cleans them', () => {
    expect(answerAtoms('$1,234.50').map((a) => a.text)).toEqual(['$1,234.50', '1,234.50', '1234.50']);
    // cleanAnswer (trim, one pair of quotes, lower case), then no currency sign.
    expect(answerKey(' "$340.27" ')).toBe('340.27');
    expect(answerKey('BraveWombat206')).toBe('bravewombat206');
  });
});

describe('answer candidates of a page (answer-candidates.ts)', () => {
  it('reads the main content first, skips chrome and labels, dedups by the answer key, and gives each a context', () => {
    const cands = answerCandidates(PAGE);
    expect(cands.map((c) => c.text)).toEqual([
      '3 records found', '3', 'Jun 28, 2023', '$1,234.50', '1234.50', 'Jun 21, 2023', '$340.27', 'BraveWombat206', '121.49',
      // after the main content: the sidebar ("Signed in as admin" is in the banner, never offered)
      '4 stars & up (11)', '4', '11',
    ]);
    const byText = (t: string) => cands.find((c) => c.text === t)!;
    expect(byText('$340.27')).toEqual({ text: '$340.27', kind: 'number', context: 'cell Grand Total' });
    expect(byText('Jun 21, 2023')).toEqual({ text: 'Jun 21, 2023', kind: 'date', context: 'cell Purchase Date' });
    expect(byText('BraveWombat206')).toEqual({ text: 'BraveWombat206', kind: 'text', context: 'link Submitted by' });
    expect(byText('121.49')).toEqual({ text: '121.49', kind: 'number', context: 'textbox Price' });
  });

  it('keeps at most `max`, the first in reading order', () => {
    expect(answerCandidates(PAGE, 3).map((c) => c.text)).toEqual(['3 records found', '3', 'Jun 28, 2023']);
  });
});

/** The page above as a state of "What is the grand total of the order placed on Jun 21, 2023?". */
function orderState(): RawState {
  return {
    intent: 'What is the grand total of the order placed on Jun 21, 2023?',
    values: [{ key: 'date', text: 'Jun 21, 2023' }],
    subgoals: [],
    progress: null,
    t: 3,
    nodes: [{ id: '15', role: 'link', name: 'BraveWombat206' }, { id: '16', role: 'textbox', name: 'Price', value: '121.49' }, { id: '17', role: 'button', name: 'Save' }],
    past: [],
    answers: answerCandidates(PAGE),
  };
}

describe('stop [answer] candidates (candidates.ts, features.ts)', () => {
  it('adds a stop per answer after the plain stop, and maps a demonstrated answer to its candidate by the answer key', () => {
    const raw = orderState();
    const cands = buildCandidates(raw.nodes, raw.values, {}, 320, raw.answers);
    expect(cands.slice(0, 3)).toEqual([
      { kind: 'stop', text: '' },
      { kind: 'stop', text: '3 records found', key: 'text', answer: 0 },
      { kind: 'stop', text: '3', key: 'number', answer: 1 },
    ]);
    const total = findCandidate({ type: 'stop', text: '340.27' }, cands, raw.nodes);
    expect(cands[total]).toMatchObject({ kind: 'stop', text: '$340.27', answer: 6 });
    expect(candidateAction(cands[total], raw.nodes)).toEqual({ type: 'stop', text: '$340.27' });
    expect(findCandidate({ type: 'stop', text: '' }, cands, raw.nodes)).toBe(0);
    expect(findCandidate({ type: 'stop', text: '999.00' }, cands, raw.nodes)).toBe(-1);
    // The candidate cap never cuts the answers: they come before the element actions.
    expect(buildCandidates(raw.nodes, raw.values, {}, 5, raw.answers).every((c) => c.kind === 'stop')).toBe(true);
  });

  it('gives an answer its kind, its place on the page, its context\'s overlap with the goal and the question flag', () => {
    const raw = orderState();
    const f = featurize(raw, {});
    const at = (text: string) => f.cands.findIndex((c) => c.text === text);
    const total = f.candFeats[at('$340.27')];
    // [20] answers, [21] answers a question, [22] plain stop of a question, [23] number, [24] date,
    // [25] (answer index + 1) / answers, [26] context ∩ goal, [27] repeats a value of the intent
    expect(total.slice(20)).toEqual([1, 1, 0, 1, 0, 7 / 12, 2 / 3, 0]); // "cell Grand Total": grand and total of its 3 words are in the goal
    expect(f.candFeats[at('Jun 21, 2023')].slice(20)).toEqual([1, 1, 0, 0, 1, 6 / 12, 0, 1]);
    expect(f.candFeats[0].slice(20)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    // A command, not a question: the answer flags stay 0 there.
    const command = featurize({ ...raw, intent: 'Set the price to 121.49' }, {});
    expect(command.candFeats[0][22]).toBe(0);
    expect(command.candFeats[command.cands.findIndex((c) => c.text === '121.49')][21]).toBe(0);
    // The answer's "element" text is its context on the page.
    expect(f.candElem[at('$340.27')]).toEqual(featurize({ ...raw, answers: [{ text: 'x', kind: 'text', context: 'cell Grand Total' }] }, {}).candElem[1]);
  });
});

const demo = (answer: string): Trajectory<DemoStep> => ({
  taskId: 'sandbox/admin/x/0', family: 'admin/x', success: true, stopReason: 'agent_stop',
  steps: [{ raw: orderState(), action: { type: 'stop', text: answer }, progressAfter: null }],
});

describe('SFT targets (sft.ts)', () => {
  it('takes the oracle\'s answer as the target among the page\'s candidates; one the page lacks becomes the plain stop', () => {
    const { samples, answers, answered, uncovered } = demoSamples([demo('$340.27'), demo('$6.40')], {}, PolicyModel.init().config.features);
    expect({ answers, answered, uncovered }).toEqual({ answers: 2, answered: 1, uncovered: 0 });
    expect(samples[0].features.cands[samples[0].index]).toMatchObject({ kind: 'stop', text: '$340.27' });
    expect(samples[1].index).toBe(0);
    expect(samples[1].features.cands[0]).toEqual({ kind: 'stop', text: '' });
  });
});

describe('the local policy answers through the grammar (local-policy.ts)', () => {
  const policy = PolicyModel.init(undefined, 3);
  afterAll(() => policy.dispose());

  it('after SFT on the answer, emits `stop [$340.27]`, which the WebArena grammar parses back', async () => {
    const nodes: ObservedNode[] = PAGE.map((n) => ({ id: n.id, role: n.role, name: n.name, depth: n.depth!, props: n.props ?? {}, box: null, targetId: n.id, interactive: ['link', 'button', 'textbox'].includes(n.role) }));
    const observation: Observation = { url: 'http://admin/orders', title: 'Orders', tabs: [], nodes, text: '', screenshot: null, viewport: { width: 1280, height: 720 }, boxes: [], timings: { extractMs: 0, screenshotMs: 0 } };
    const intent = 'What is the grand total of the order placed on Jun 21, 2023?';
    const values = [{ key: 'date', text: 'Jun 21, 2023' }];
    const scorer = new LocalScorer(policy, {});
    // The state exactly as the policy builds it from this observation.
    const raw: RawState = { intent, values, subgoals: [], progress: null, t: 0, nodes: scorer.elementsOf(nodes), past: [], answers: answerCandidates(nodes) };
    const features = featurize(raw, {}, policy.config.features);
    const target = features.cands.findIndex((c) => c.text === '$340.27');
    const optimizer = tf.train.adam(0.05);
    for (let step = 0; step < 60 && scorer.score(raw).probs[target] < 0.9; step++) sftStep(policy, optimizer, [{ features, index: target, logpRef: 0, advantage: 0 }]);
    optimizer.dispose();
    expect(scorer.score(raw).probs[target]).toBeGreaterThan(0.9);

    const local = new LocalPolicy({ scorer, values });
    const decision = await local.decide({ intent, t: 0, observation, history: [] });
    expect(decision.reply).toContain('```stop [$340.27]```');
    expect(grammarNamed('webarena').parse(decision.reply)).toEqual({ type: 'stop', text: '$340.27' });
  });
});

describe('checkpoints from before answer candidates', () => {
  it('are refused by name, with what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mira-ckpt-old-'));
    try {
      const file = join(dir, 'phase-0.json');
      await writeFile(file, JSON.stringify({ format: 'mira-local-policy/1', meta: {}, policyConfig: {}, policy: {} }));
      await expect(loadCheckpoint(file)).rejects.toThrow(`${file} was saved by an older version of the trainer (mira-local-policy/1, before answer candidates); train the policy again.`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
