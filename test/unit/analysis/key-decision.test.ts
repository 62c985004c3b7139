import { describe, expect, it } from 'vitest';
import { findKeyDecisionStep, findLoopOnset, findSemanticDeviation } from '../../../main/analysis/key-decision';
import { back, click, episode, goto, scroll, stop, typeText, type StepSpec } from './build';

// A shop task: home → search "red shoes" → results → product page → stop with the price.
const reference = episode({
  success: true,
  steps: [['/', click('1')], ['/search', typeText('5', 'red shoes')], ['/results', click('9')], ['/product', stop('$30')]],
});

// Five steps with no repeated (url, action) block: t = 0..4.
const prefix: StepSpec[] = [['/', click('1')], ['/a', click('2')], ['/b', typeText('3', 'q')], ['/c', click('4')], ['/d', scroll()]];
// From t = 5: (/e click 7, /f go_back) three times → a 2-cycle, 3 occurrences, steps 5..10.
const cycle: StepSpec[] = [['/e', click('7')], ['/f', back], ['/e', click('7')], ['/f', back], ['/e', click('7')], ['/f', back]];

describe('findKeyDecisionStep — loop onset', () => {
  it('returns t = 5 for a trajectory that cycles from step 5', () => {
    const failed = episode({ steps: [...prefix, ...cycle] });
    const kd = findKeyDecisionStep(failed, []);
    expect(kd).toMatchObject({ t: 5, type: 'loop_onset' });
    expect(kd?.explanation).toContain('cycle of 2');
    // Texts count steps from 1, as the replay does: t = 5..10 are steps 6..11 (issue 21).
    expect(kd?.explanation).toMatch(/^From step 6 the agent repeated a cycle of 2 .* 3 times, through step 11\.$/);
  });

  it('finds a 1-cycle (same action on the same page three times) at its first step', () => {
    const failed = episode({ steps: [['/', click('1')], ['/a', click('2')], ['/a', click('2')], ['/a', click('2')]] });
    expect(findLoopOnset(failed)?.t).toBe(1);
  });

  it('is keyed by (url, action): the same click on different pages is not a loop', () => {
    const failed = episode({ steps: [['/list/1', click('next')], ['/list/2', click('next')], ['/list/3', click('next')]] });
    expect(findLoopOnset(failed)).toBeNull();
  });

  it('needs 3 occurrences by default (a double scroll is not a loop); the threshold is a setting', () => {
    const failed = episode({ steps: [['/', scroll()], ['/', scroll()], ['/', click('1')]] });
    expect(findKeyDecisionStep(failed, [])).toBeNull();
    expect(findKeyDecisionStep(failed, [], { minOccurrences: 2 })).toMatchObject({ t: 0, type: 'loop_onset' });
  });

  it('never forms a loop from unparseable replies', () => {
    const failed = episode({ stopReason: 'parse_failures', steps: [['/', click('1')], ['/', null], ['/', null], ['/', null]] });
    expect(findLoopOnset(failed)).toBeNull();
  });
});

describe('findKeyDecisionStep — semantic deviation', () => {
  it('finds the first choice unlike every reference (a different query at step 1)', () => {
    const failed = episode({
      steps: [['/', click('1')], ['/search', typeText('5', 'blue shoes')], ['/results', click('9')], ['/product', stop('$45')]],
    });
    const kd = findKeyDecisionStep(failed, [reference]);
    expect(kd).toMatchObject({ t: 1, type: 'semantic_deviation' });
    // t = 1 is the second step: the text says "step 2", matching "Key decision step 2" in the UI (issue 21).
    expect(kd?.explanation).toMatch(/^At step 2 on \/search the agent chose /);
    expect(kd?.explanation).toContain('type [5] [red shoes]'); // what the reference chose
  });

  it('aligns by the sequence of pages, so references of a different length still agree', () => {
    // Reference 2 scrolls once on /search before typing (5 steps). The failed episode scrolls twice there and
    // types the query in other case/spacing (case-folded equal), so by step index nothing lines up after t = 1,
    // but page by page it matches until /product, where it clicks instead of stopping.
    const reference2 = episode({
      success: true,
      steps: [['/', click('1')], ['/search', scroll()], ['/search', typeText('5', 'red shoes')], ['/results', click('9')], ['/product', stop('$30')]],
    });
    const failed = episode({
      steps: [
        ['/', click('1')], // t0 page 0 = /       agrees (both, by index and by page)
        ['/search', scroll()], // t1 not a choice, never judged
        ['/search', scroll()], // t2
        ['/search', typeText('5', 'Red  Shoes')], // t3 page 1 = /search, "red shoes" chosen there by both → agrees
        ['/results', click('9')], // t4 page 2 = /results, click [9] → agrees
        ['/product', click('3')], // t5 page 3 = /product, references chose stop → deviation
      ],
    });
    const kd = findKeyDecisionStep(failed, [reference, reference2]);
    expect(kd).toMatchObject({ t: 5, type: 'semantic_deviation' });
    expect(kd?.explanation).toContain('stop [$30]');
    expect(kd?.explanation).toContain('all 2 successful reference(s)');
  });

  it('ignores the origin: references recorded on another port align with the failed episode', () => {
    const moved = { ...reference, steps: reference.steps.map((s) => ({ ...s, url: s.url.replace(':9000', ':9555') })) };
    const failed = episode({ steps: [['/', click('1')], ['/search', typeText('5', 'red shoes')], ['/results', click('8')]] });
    expect(findSemanticDeviation(failed, [moved])).toMatchObject({ t: 2 });
  });

  it('judges only choices: extra scrolls and a goto to the same path do not deviate', () => {
    const failed = episode({
      steps: [['/', scroll()], ['/', click('1')], ['/search', typeText('5', 'red shoes')], ['/results', scroll()], ['/results', scroll('up')]],
    });
    // t1 click [1] on page 0 = / → agrees by page; t2 agrees by page; scrolls never judged; no 3-fold loop.
    expect(findKeyDecisionStep(failed, [reference])).toBeNull();
    const viaGoto = episode({ steps: [['/', goto('http://other:1/search?x=1')]] });
    const refGoto = episode({ success: true, steps: [['/', goto('http://127.0.0.1:9000/search')], ['/search', stop()]] });
    expect(findSemanticDeviation(viaGoto, [refGoto])).toBeNull(); // same path /search
  });

  it('agrees with any one reference (deviation means departing from every reference)', () => {
    const otherWay = episode({ success: true, steps: [['/', click('2')], ['/cat', click('9')], ['/product', stop('$30')]] });
    const failed = episode({ steps: [['/', click('2')], ['/cat', click('4')]] });
    // t0 click [2] matches otherWay; t1 click [4] on /cat matches neither.
    expect(findSemanticDeviation(failed, [reference, otherWay])).toMatchObject({ t: 1 });
  });
});

describe('findKeyDecisionStep — which wins', () => {
  it('an earlier deviation wins over a later loop', () => {
    // t1 wrong query, then from t2 a 1-cycle on /results.
    const failed = episode({
      steps: [['/', click('1')], ['/search', typeText('5', 'boots')], ['/results', click('4')], ['/results', click('4')], ['/results', click('4')]],
    });
    expect(findKeyDecisionStep(failed, [reference])).toMatchObject({ t: 1, type: 'semantic_deviation' });
  });

  it('an earlier loop wins over a later deviation', () => {
    // Scrolls on / at t0..t2 (loop onset 0), then a click no reference made (deviation at 3).
    const failed = episode({ steps: [['/', scroll()], ['/', scroll()], ['/', scroll()], ['/', click('2')]] });
    expect(findSemanticDeviation(failed, [reference])?.t).toBe(3);
    expect(findKeyDecisionStep(failed, [reference])).toMatchObject({ t: 0, type: 'loop_onset' });
  });

  it('on a tie the loop onset wins and the explanation mentions the deviation', () => {
    // References follow the prefix exactly and then click [8] on /e; the failed one clicks [7] at t5 and loops.
    const ref = episode({ success: true, steps: [...prefix, ['/e', click('8')], ['/g', stop('ok')]] });
    const failed = episode({ steps: [...prefix, ...cycle] });
    expect(findSemanticDeviation(failed, [ref])?.t).toBe(5);
    const kd = findKeyDecisionStep(failed, [ref]);
    expect(kd).toMatchObject({ t: 5, type: 'loop_onset' });
    expect(kd?.explanation).toContain('also departs from the references');
  });
});

describe('findKeyDecisionStep — bad input', () => {
  it('refuses successful episodes, failed or foreign references and bad settings', () => {
    const failed = episode({ steps: [['/', click('1')]] });
    expect(() => findKeyDecisionStep(reference, [])).toThrow(/succeeded; only failed episodes have a key decision step/);
    expect(() => findKeyDecisionStep(failed, [failed])).toThrow(/references\[0\] failed/);
    expect(() => findKeyDecisionStep(failed, [{ ...reference, taskId: 'task-2' }])).toThrow(/references\[0\] is of task task-2, not task-1/);
    expect(() => findKeyDecisionStep(failed, [], { maxCycleLength: 4 })).toThrow(/maxCycleLength must be an integer in \[1, 3\]/);
    expect(() => findKeyDecisionStep(failed, [], { minOccurrences: 1 })).toThrow(/minOccurrences must be an integer >= 2/);
  });
});
