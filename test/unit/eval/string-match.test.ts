import { describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../../main/eval/evaluate';
import { JUDGE_REQUIRED_NOTE } from '../../../main/eval/fuzzy';
import { ctx, recordingJudge, task } from './helpers';

const strTask = (reference_answers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  task({ eval_types: ['string_match'], reference_answers, ...extra });

describe('string_match exact_match and trimming', () => {
  const t = strTask({ exact_match: 'Hollister' });
  it('webarena trims the answer; vab-lite does not', async () => {
    const wa = await evaluateEpisode(t, ctx('webarena', { answer: '  Hollister \n' }));
    const vab = await evaluateEpisode(t, ctx('vab-lite', { answer: '  Hollister \n' }));
    expect(wa.success).toBe(true);
    expect(vab.success).toBe(false);
    expect(vab.checks[0]).toMatchObject({ kind: 'string_match', expected: 'Hollister', actual: '  hollister \n', passed: false, score: 0 });
    expect(wa.profile).toBe('webarena');
    expect(vab.profile).toBe('vab-lite');
  });
  it('both drop quotes and lower-case', async () => {
    for (const p of ['webarena', 'vab-lite'] as const) {
      expect((await evaluateEpisode(t, ctx(p, { answer: '"HOLLISTER"' }))).success).toBe(true);
    }
  });
});

describe('string_match must_include', () => {
  it('single-token item: whole token under vab-lite, substring under webarena (two characters)', async () => {
    const t = strTask({ must_include: ['25'] });
    expect((await evaluateEpisode(t, ctx('webarena', { answer: 'There are 125 reviews' }))).success).toBe(true);
    const vab = await evaluateEpisode(t, ctx('vab-lite', { answer: 'There are 125 reviews' }));
    expect(vab.success).toBe(false);
    expect(vab.checks[0].rule).toContain('whole-token');
    expect((await evaluateEpisode(t, ctx('vab-lite', { answer: 'There are 25.' }))).success).toBe(true);
  });
  it('a sole one-character item is a whole word under webarena too', async () => {
    const t = strTask({ must_include: ['0'] });
    const wa = await evaluateEpisode(t, ctx('webarena', { answer: '10 orders' }));
    expect(wa.success).toBe(false);
    expect(wa.checks[0].rule).toContain('whole-token');
    expect((await evaluateEpisode(t, ctx('webarena', { answer: 'I found 0 orders' }))).success).toBe(true);
  });
  it('with several items, webarena matches substrings; every item must be present (one check each)', async () => {
    const t = strTask({ must_include: ['0', 'Impulse Duffle'] });
    const wa = await evaluateEpisode(t, ctx('webarena', { answer: '10 impulse duffle' }));
    expect(wa.checks).toHaveLength(2);
    expect(wa.success).toBe(true);
    const vab = await evaluateEpisode(t, ctx('vab-lite', { answer: '10 impulse duffle' }));
    expect(vab.checks.map((c) => c.passed)).toEqual([false, true]);
    expect(vab.score).toBe(0);
  });
  it('" |OR| " alternatives: understood by vab-lite, literal text under webarena', async () => {
    const t = strTask({ must_include: ['65 |OR| 3'] });
    expect((await evaluateEpisode(t, ctx('vab-lite', { answer: '3' }))).success).toBe(true);
    const wa = await evaluateEpisode(t, ctx('webarena', { answer: '3' }));
    expect(wa.success).toBe(false);
    expect(wa.checks[0].note).toContain('literal');
  });
});

describe('string_match fuzzy_match', () => {
  const t = strTask({ fuzzy_match: ['Harry Potter', 'July 8th'] }, {});
  it('webarena asks per reference; vab-lite once with references joined', async () => {
    const judge = recordingJudge(() => 'correct');
    const wa = await evaluateEpisode(t, ctx('webarena', { answer: 'A Harry Potter meetup on July 8', llm: judge }));
    expect(judge.prompts.map((p) => p.reference)).toEqual(['Harry Potter', 'July 8th']);
    expect(wa.checks).toHaveLength(2);
    expect(wa.success).toBe(true);
    const judge2 = recordingJudge(() => 'correct');
    await evaluateEpisode(t, ctx('vab-lite', { answer: 'A Harry Potter meetup on July 8', llm: judge2 }));
    expect(judge2.prompts).toEqual([{ question: 'What is it?', reference: 'Harry Potter, July 8th', answer: 'a harry potter meetup on july 8', mode: 'fuzzy_match', profile: 'vab-lite' }]);
  });
  it('"partially correct" scores 0', async () => {
    const r = await evaluateEpisode(t, ctx('vab-lite', { answer: 'Harry Potter', llm: recordingJudge(() => 'partially correct') }));
    expect(r.score).toBe(0);
    expect(r.checks[0].note).toContain('partially correct');
  });
  it('without a judge the check fails with a note; it never passes silently', async () => {
    const r = await evaluateEpisode(t, ctx('vab-lite', { answer: 'Harry Potter on July 8th' }));
    expect(r.success).toBe(false);
    expect(r.checks[0].note).toContain(JUDGE_REQUIRED_NOTE);
  });
  it('a judge that throws fails the check with its message', async () => {
    const llm = { judge: async () => { throw new Error('rate limited'); } };
    const r = await evaluateEpisode(t, ctx('webarena', { answer: 'x', llm }));
    expect(r.checks.every((c) => !c.passed && c.note?.includes('rate limited'))).toBe(true);
  });
});

describe('string_match N/A rule', () => {
  const t = strTask({ fuzzy_match: 'N/A' }, { string_note: 'System message: We cannot add order history.' });
  it('an exact "N/A" passes without a judge', async () => {
    for (const p of ['webarena', 'vab-lite'] as const) {
      const r = await evaluateEpisode(t, ctx(p, { answer: 'n/a' }));
      expect(r.success).toBe(true);
      expect(r.checks[0].rule).toContain('exact "N/A"');
    }
  });
  it('otherwise the stated reason is judged against string_note', async () => {
    const judge = recordingJudge((p) => (p.answer.includes('history') ? 'correct' : 'incorrect'));
    const ok = await evaluateEpisode(t, ctx('vab-lite', { answer: 'I cannot add order history to that order', llm: judge }));
    expect(ok.success).toBe(true);
    expect(judge.prompts[0]).toMatchObject({ mode: 'unachievable', reference: 'System message: We cannot add order history.' });
    const bad = await evaluateEpisode(t, ctx('vab-lite', { answer: 'done', llm: judge }));
    expect(bad.success).toBe(false);
    const none = await evaluateEpisode(t, ctx('webarena', { answer: 'not possible' }));
    expect(none.checks[1].note).toContain(JUDGE_REQUIRED_NOTE);
  });
});

describe('VAB additions: must_exclude, one_of, required_values', () => {
  it('must_exclude passes when the item is absent (whole token for single tokens)', async () => {
    const t = strTask({ must_exclude: ['no'] });
    expect((await evaluateEpisode(t, ctx('vab-lite', { answer: 'Yes, it is nothing special' }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx('vab-lite', { answer: 'No, it is not' }))).success).toBe(false);
  });
  it('one_of passes when any item is present', async () => {
    const t = strTask({ one_of: ['Pittsburgh', 'PGH'] });
    expect((await evaluateEpisode(t, ctx('vab-lite', { answer: 'near pgh' }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx('vab-lite', { answer: 'Boston' }))).success).toBe(false);
  });
  it('required_values compares the integer answer with every item', async () => {
    const t = strTask({ required_values: ['> 5', '< 10 |OR| == 20'] });
    expect((await evaluateEpisode(t, ctx('vab-lite', { answer: '7' }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx('vab-lite', { answer: '20' }))).success).toBe(true);
    const big = await evaluateEpisode(t, ctx('vab-lite', { answer: '1,000' }));
    expect(big.checks.map((c) => c.passed)).toEqual([true, false]);
    const words = await evaluateEpisode(t, ctx('vab-lite', { answer: 'seven' }));
    expect(words.success).toBe(false);
    expect(words.checks[0].note).toContain('not an integer');
  });
});

describe('an episode cut short', () => {
  it('is scored with an empty answer and says so', async () => {
    const r = await evaluateEpisode(strTask({ must_include: ['Impulse Duffle'] }), ctx('vab-lite', { answer: null }));
    expect(r).toMatchObject({ success: false, score: 0 });
    expect(r.checks[0].note).toContain('without an answer');
  });
});
