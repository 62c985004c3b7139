import { describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../../main/eval/evaluate';
import { stripLambdaPrefix } from '../../../main/eval/program-html';
import { FakePage } from './fake-page';
import { ctx, recordingJudge, task } from './helpers';

// Issue 20: the rules where our scorer differed from the original Python evaluators (WebArena
// evaluation_harness at f62e0b9; VisualAgentBench's WebArena-Lite evaluators at 9055fc2), each with a
// hand-worked case under both profiles (docs/design/WEBARENA.md §2.2–§2.6).
const strTask = (reference_answers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  task({ eval_types: ['string_match'], reference_answers, ...extra });
const htmlTask = (program_html: unknown[]) => task({ eval_types: ['program_html'], program_html });

describe('vab-lite whole-token must_include also accepts the "/"-separated parts of a token', () => {
  // "Sizes S/M/L" → cleaned "sizes s/m/l" → tokens [sizes, s/m/l]; VAB adds the parts s, m, l.
  const t = strTask({ must_include: ['M'] });
  const answer = 'Sizes S/M/L';
  it('vab-lite: "m" is one of the parts of "s/m/l", so it passes', async () => {
    const r = await evaluateEpisode(t, ctx('vab-lite', { answer }));
    expect(r).toMatchObject({ score: 1, success: true });
    expect(r.checks[0].rule).toContain('whole-token');
  });
  it('webarena: the sole one-character item is matched against whole tokens only, and "s/m/l" is not "m"', async () => {
    const r = await evaluateEpisode(t, ctx('webarena', { answer }));
    expect(r).toMatchObject({ score: 0, success: false });
  });
  it('not for must_exclude: "m" is not a token of "sizes s/m/l", so excluding it passes', async () => {
    const r = await evaluateEpisode(strTask({ must_exclude: ['M'] }), ctx('vab-lite', { answer }));
    expect(r).toMatchObject({ score: 1, success: true });
  });
  it('in page text too under vab-lite (the same must_include)', async () => {
    const page = new FakePage({ 'http://x/': { html: '<td>Colour: red/blue</td>' } }, 'http://x/');
    const r = await evaluateEpisode(htmlTask([{ url: 'last', locator: '', required_contents: { must_include: ['blue'] } }]), ctx('vab-lite', { page }));
    // Tokens: <, td, >, colour, :, red/blue, <, /td, > ("<" and ">" split off); "blue" is a part of "red/blue".
    expect(r.success).toBe(true);
  });
});

describe('webarena: keys the original string evaluator does not know are skipped (score unchanged)', () => {
  // exact "yes" = 1; must_exclude ["yes"]: vab-lite → "yes" is a token of "yes" → 0; webarena skips it → 1.
  const t = strTask({ exact_match: 'yes', must_exclude: ['yes'] });
  it('webarena scores 1 and shows the ignored check', async () => {
    const r = await evaluateEpisode(t, ctx('webarena', { answer: 'Yes' }));
    expect(r).toMatchObject({ score: 1, success: true });
    expect(r.checks[1]).toMatchObject({ rule: 'must_exclude (ignored under webarena)', score: 1 });
  });
  it('vab-lite applies must_exclude and scores 0', async () => {
    const r = await evaluateEpisode(t, ctx('vab-lite', { answer: 'Yes' }));
    expect(r).toMatchObject({ score: 0, success: false });
  });
  it('one_of and required_values likewise; a key neither original knows is ignored under both', async () => {
    const other = strTask({ one_of: ['pgh'], required_values: ['> 5'], reference_answer_note: 'x' });
    const wa = await evaluateEpisode(other, ctx('webarena', { answer: 'Boston' }));
    expect(wa.score).toBe(1);
    expect(wa.checks.map((c) => c.rule)).toEqual(['one_of (ignored under webarena)', 'required_values (ignored under webarena)', 'reference_answer_note (ignored under webarena)']);
    const vab = await evaluateEpisode(other, ctx('vab-lite', { answer: 'Boston' }));
    expect(vab.score).toBe(0);
    expect(vab.checks.at(-1)).toMatchObject({ rule: 'reference_answer_note (ignored under vab-lite)', score: 1 });
  });
});

describe('fuzzy_match "N/A": one running score, which the reason judge replaces', () => {
  const note = { string_note: 'There is no order 999.' };
  for (const profile of ['webarena', 'vab-lite'] as const) {
    it(`${profile}: an exact "N/A" with nothing failed before scores 1 without a judge call`, async () => {
      const judge = recordingJudge(() => 'incorrect');
      const r = await evaluateEpisode(strTask({ fuzzy_match: 'N/A' }, note), ctx(profile, { answer: 'N/A', llm: judge }));
      expect(r.score).toBe(1);
      expect(judge.prompts).toEqual([]);
    });
    it(`${profile}: an earlier failed key makes the running score 0·1 = 0 ≠ 1, so the judge decides — and its "correct" makes it 1`, async () => {
      // must_include "cannot" in "n/a" → 0; × exact N/A 1 = 0 → ua_match replaces the score: 1.
      const t = strTask({ must_include: ['cannot'], fuzzy_match: 'N/A' }, note);
      const judge = recordingJudge(() => 'correct');
      const r = await evaluateEpisode(t, ctx(profile, { answer: 'N/A', llm: judge }));
      expect(judge.prompts).toEqual([{ question: 'What is it?', reference: 'There is no order 999.', answer: 'n/a', mode: 'unachievable', profile }]);
      expect(r).toMatchObject({ score: 1, success: true });
      expect(r.checks[0]).toMatchObject({ passed: false, score: 1 });
      expect(r.checks[0].note).toContain('superseded');
      const no = await evaluateEpisode(t, ctx(profile, { answer: 'N/A', llm: recordingJudge(() => 'incorrect') }));
      expect(no.score).toBe(0);
    });
    it(`${profile}: keys after the N/A key multiply into the replaced score`, async () => {
      // exact N/A → running 1 (no judge); then must_include "order" in "n/a" → 0.
      const r = await evaluateEpisode(strTask({ fuzzy_match: 'N/A', must_include: ['order'] }, note), ctx(profile, { answer: 'N/A' }));
      expect(r.score).toBe(0);
    });
    it(`${profile}: a stated reason is judged; an empty answer is judged too`, async () => {
      const judge = recordingJudge((p) => (p.answer.includes('999') ? 'correct' : 'incorrect'));
      expect((await evaluateEpisode(strTask({ fuzzy_match: 'N/A' }, note), ctx(profile, { answer: 'Order 999 does not exist', llm: judge }))).score).toBe(1);
      expect((await evaluateEpisode(strTask({ fuzzy_match: 'N/A' }, note), ctx(profile, { answer: null, llm: judge }))).score).toBe(0);
      expect(judge.prompts.map((p) => p.answer)).toEqual(['order 999 does not exist', '']);
    });
    it(`${profile}: without string_note the judge cannot be asked; the original raises, so the episode is not scored`, async () => {
      await expect(evaluateEpisode(strTask({ fuzzy_match: 'N/A' }), ctx(profile, { answer: 'no' }))).rejects.toThrow(/string_note/);
    });
  }
});

describe('an empty answer still goes to the judge for string fuzzy_match (both originals)', () => {
  for (const profile of ['webarena', 'vab-lite'] as const) {
    it(profile, async () => {
      const judge = recordingJudge(() => 'incorrect');
      const r = await evaluateEpisode(strTask({ fuzzy_match: ['Harry Potter'] }), ctx(profile, { answer: null, llm: judge }));
      expect(judge.prompts).toEqual([{ question: 'What is it?', reference: 'Harry Potter', answer: '', mode: 'fuzzy_match', profile }]);
      expect(r.score).toBe(0);
    });
  }
});

describe('vab-lite lambda: locators in program_html', () => {
  it("strips the prefix as Python's lstrip(\"lambda:\") does: a character set, not a prefix", () => {
    expect(stripLambdaPrefix('lambda:document.title')).toBe('ocument.title'); // the "d" of document goes too
    expect(stripLambdaPrefix("lambda:() => document.querySelector('#n').value")).toBe("() => document.querySelector('#n').value");
    expect(stripLambdaPrefix('lambda: x')).toBe(' x');
    expect(stripLambdaPrefix('lambda:abc')).toBe('c');
  });
  const page = (value: string) => new FakePage({ 'http://x/': { elements: { '#n': { value } } } }, 'http://x/');
  const later = { url: 'last', locator: '', required_contents: { fuzzy_match: ['anything'] } };
  it('evaluates the stripped expression as written; a function result is called', async () => {
    const t = htmlTask([{ url: 'last', locator: "lambda:() => document.querySelector('#n').value", required_contents: { exact_match: '12' } }]);
    expect((await evaluateEpisode(t, ctx('vab-lite', { page: page('12') }))).success).toBe(true);
  });
  it('a falsy result is None: score 0, and the later targets (and their judge calls) are skipped', async () => {
    const judge = recordingJudge(() => 'correct');
    const t = htmlTask([{ url: 'last', locator: "lambda:() => document.querySelector('#n').value", required_contents: { exact_match: '' } }, later]);
    const r = await evaluateEpisode(t, ctx('vab-lite', { page: page(''), llm: judge }));
    expect(r.score).toBe(0);
    expect(judge.prompts).toEqual([]);
    expect(r.checks[0].note).toContain('None');
    expect(r.checks[1].note).toContain('skipped');
  });
  it('an exception is None too: "lambda:document.…" loses its "d" and throws', async () => {
    const judge = recordingJudge(() => 'correct');
    const t = htmlTask([{ url: 'last', locator: "lambda:document.querySelector('#n').value", required_contents: { exact_match: '12' } }, later]);
    const r = await evaluateEpisode(t, ctx('vab-lite', { page: page('12'), llm: judge }));
    expect(r.score).toBe(0);
    expect(r.checks[0].note).toContain('ocument');
    expect(judge.prompts).toEqual([]);
  });
  it('a number goes to required_values as a number; must_include would reject it (the original type-checks)', async () => {
    const numeric = (required_contents: Record<string, unknown>) => htmlTask([{ url: 'last', locator: "lambda:() => Number(document.querySelector('#n').value)", required_contents }]);
    expect((await evaluateEpisode(numeric({ required_values: ['> 5'] }), ctx('vab-lite', { page: page('7') }))).success).toBe(true);
    expect((await evaluateEpisode(numeric({ exact_match: '7' }), ctx('vab-lite', { page: page('7') }))).success).toBe(true);
    await expect(evaluateEpisode(numeric({ must_include: ['7'] }), ctx('vab-lite', { page: page('7') }))).rejects.toThrow(/does not accept/);
  });
  it('webarena does not know lambda: locators: the original raises, so the episode is not scored', async () => {
    const t = htmlTask([{ url: 'last', locator: "lambda:() => 1", required_contents: { exact_match: '1' } }]);
    await expect(evaluateEpisode(t, ctx('webarena', { page: page('1') }))).rejects.toThrow(/unknown locator "lambda:\(\) => 1" for the webarena profile/);
  });
});

describe('url_match GOLD in PRED strips a trailing "/" only from the end of the whole URL', () => {
  // Reference ".../result/?q=tent": rstrip("/") leaves it; host+path "shop.test:7770/catalogsearch/result/".
  const t = task({ eval_types: ['url_match'], reference_url: '__SHOPPING__/catalogsearch/result/?q=tent', url_note: 'GOLD in PRED' });
  it('webarena: ".../result?q=tent" has host+path ".../result", which does not contain ".../result/"', async () => {
    const r = await evaluateEpisode(t, ctx('webarena', { finalUrl: 'http://shop.test:7770/catalogsearch/result?q=tent' }));
    expect(r.success).toBe(false);
    expect((await evaluateEpisode(t, ctx('webarena', { finalUrl: 'http://shop.test:7770/catalogsearch/result/?q=tent&p=2' }))).success).toBe(true);
  });
  it('webarena: a slash at the very end is stripped from both ("http://h/f/books/" = "http://h/f/books")', async () => {
    const books = task({ eval_types: ['url_match'], reference_url: '__REDDIT__/f/books/' });
    expect((await evaluateEpisode(books, ctx('webarena', { finalUrl: 'http://forum.test:9999/f/books' }))).success).toBe(true);
  });
  it('vab-lite: a plain substring of the whole URL, so the slash matters there too', async () => {
    expect((await evaluateEpisode(t, ctx('vab-lite', { finalUrl: 'http://shop.test:7770/catalogsearch/result?q=tent' }))).success).toBe(false);
  });
});

describe('webarena program_html keys its original does not know are an error, not a score', () => {
  const page = new FakePage({ 'http://x/': { html: '<p>Draft</p>' } }, 'http://x/');
  for (const required_contents of [{ fuzzy_match: ['draft'] }, { must_exclude: ['error'] }, { required_values: ['> 1'] }]) {
    const key = Object.keys(required_contents)[0];
    it(`${key}: webarena raises (the episode is not scored); vab-lite scores it`, async () => {
      const t = htmlTask([{ url: 'last', locator: '', required_contents }]);
      await expect(evaluateEpisode(t, ctx('webarena', { page }))).rejects.toThrow(new RegExp(`${key}.*the original raises`));
      const vab = await evaluateEpisode(t, ctx('vab-lite', { page, llm: recordingJudge(() => 'correct') }));
      expect(vab.checks.length).toBeGreaterThan(0);
    });
  }
  it('with must_include present too, webarena reads must_include and ignores the rest, as the original does', async () => {
    const t = htmlTask([{ url: 'last', locator: '', required_contents: { must_exclude: ['draft'], must_include: ['draft'] } }]);
    const r = await evaluateEpisode(t, ctx('webarena', { page }));
    expect(r.success).toBe(true);
    expect(r.checks[0].note).toContain('ignored keys: must_exclude');
  });
  it('vab-lite raises on a must_exclude item with " |OR| " (its assert) and on a target with no known key', async () => {
    const or = htmlTask([{ url: 'last', locator: '', required_contents: { must_exclude: ['a |OR| b'] } }]);
    await expect(evaluateEpisode(or, ctx('vab-lite', { page }))).rejects.toThrow(/asserts/);
    const none = htmlTask([{ url: 'last', locator: '', required_contents: { contains: ['x'] } }]);
    await expect(evaluateEpisode(none, ctx('vab-lite', { page }))).rejects.toThrow(/none of which the vab-lite page check knows/);
  });
});
