import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../main/analysis/failure-modes';
import { back, click, episode, scroll, stop, typeText, type StepSpec } from './build';

// Default settings: N = 3 identical, cycle (2–3) repeated M = 3 times, early = at most 2 steps (docs/design/MIRA.md §1.1).

describe('classifyFailure — each category', () => {
  it('wrong termination: stopped with an answer the evaluator rejected', () => {
    const ep = episode({ steps: [['/', click('1')], ['/a', typeText('2', 'q')], ['/r', stop('42')]] });
    const c = classifyFailure(ep);
    expect(c.category).toBe('wrong_termination');
    expect(c.rule).toBe('stopped_but_failed');
    expect(c.evidenceSteps).toEqual([2]);
    expect(c.explanation).toContain('"42"');
    expect(c.explanation).toMatch(/^The agent stopped at step 3 with answer/); // t = 2 is the third step
  });

  it('wrong termination also when only the final action says stop (stop reason missing)', () => {
    const ep = episode({ stopReason: null, steps: [['/', click('1')], ['/a', stop('x')]] });
    expect(classifyFailure(ep).category).toBe('wrong_termination');
  });

  it('stuck midway: the last 3 actions identical', () => {
    // Steps 0..4: a, b, c, c, c → the identical run is steps 2, 3, 4 (count 3 = N).
    const ep = episode({ steps: [['/', click('a')], ['/', click('b')], ['/', click('c')], ['/', click('c')], ['/', click('c')]] });
    const c = classifyFailure(ep);
    expect(c).toMatchObject({ category: 'stuck_midway', rule: 'identical_actions', evidenceSteps: [2, 3, 4] });
    expect(c.explanation).toContain('The last 3 actions (steps 3–5) were identical');
  });

  it('stuck midway: a 2-cycle repeated 3 times at the end', () => {
    // x, (a b)(a b)(a b): periodic tail from step 1, 6 steps / 2 = 3 repeats = M.
    const ep = episode({ steps: [['/', click('x')], ...[1, 2, 3].flatMap(() => [['/', click('a')], ['/b', back]] as StepSpec[])] });
    const c = classifyFailure(ep);
    expect(c).toMatchObject({ category: 'stuck_midway', rule: 'action_cycle', evidenceSteps: [1, 2, 3, 4, 5, 6] });
    expect(c.explanation).toContain('repeated 3 times at the end (steps 2–7)');
  });

  it('an episode of 13 steps that stopped says "at step 13", not 12 (issue 21)', () => {
    const ep = episode({ steps: [...Array.from({ length: 12 }, (_, i): StepSpec => [`/p${i}`, click(String(i))]), ['/end', stop('x')]] });
    const c = classifyFailure(ep);
    expect(c.evidenceSteps).toEqual([12]);
    expect(c.explanation).toContain('stopped at step 13 with answer "x"');
  });

  it('stuck midway: a 3-cycle repeated 3 times at the end', () => {
    // x, (a b c) × 3 → steps 1..9.
    const cycle: StepSpec[] = [['/', click('a')], ['/', scroll()], ['/', click('c')]];
    const ep = episode({ steps: [['/', click('x')], ...cycle, ...cycle, ...cycle] });
    expect(classifyFailure(ep)).toMatchObject({ rule: 'action_cycle', evidenceSteps: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
  });

  it('is not stuck below the thresholds: 2 identical, or a 2-cycle seen twice', () => {
    const two = episode({ steps: [['/', click('a')], ['/', click('b')], ['/', click('c')], ['/', click('c')]] });
    expect(classifyFailure(two).rule).toBe('none_matched');
    const cycleTwice = episode({ steps: [['/', click('x')], ['/', click('a')], ['/', click('b')], ['/', click('a')], ['/', click('b')]] });
    expect(classifyFailure(cycleTwice).rule).toBe('none_matched');
  });

  it('unparseable replies are not identical actions', () => {
    const ep = episode({ stopReason: 'parse_failures', steps: [['/', click('a')], ['/', null], ['/', null], ['/', null]] });
    expect(classifyFailure(ep).rule).toBe('none_matched'); // 4 steps > 2, no loop, no stop
  });

  it('compareUrl: the same click on three different pages is pagination, not a loop', () => {
    const ep = episode({ steps: [['/list?p=1', click('next')], ['/list/2', click('next')], ['/list/3', click('next')]] });
    expect(classifyFailure(ep).category).toBe('stuck_midway'); // default compares actions only
    expect(classifyFailure(ep, { compareUrl: true }).category).toBe('others');
  });

  it('stuck midway: the harness stopped for repeated actions (its own threshold below ours)', () => {
    // VAB-Lite stops at 5 repeats; with repeatN = 6 our identical rule does not fire, the harness's does.
    const steps = [['/', click('x')], ...Array.from({ length: 5 }, () => ['/', click('a')])] as StepSpec[];
    const c = classifyFailure(episode({ stopReason: 'repeated_actions', steps }), { repeatN: 6 });
    expect(c).toMatchObject({ category: 'stuck_midway', rule: 'harness_repeated_actions', evidenceSteps: [1, 2, 3, 4, 5] });
  });

  it('no reasonable attempt: reached the target page but never stopped', () => {
    const ep = episode({ steps: [['/', click('1')], ['/a', click('2')], ['/target', scroll()], ['/target', scroll('up')]] });
    const c = classifyFailure(ep, {}, { reachedTargetPage: true });
    expect(c).toMatchObject({ category: 'no_reasonable_attempt', rule: 'reached_target_never_stopped', evidenceSteps: [3] });
    expect(classifyFailure(ep, {}, { reachedTargetPage: false }).category).toBe('others');
  });

  it('no reasonable attempt: ended within the first 2 steps without stopping', () => {
    const ep = episode({ stopReason: 'parse_failures', steps: [['/', click('1')], ['/', null]] });
    expect(classifyFailure(ep)).toMatchObject({ category: 'no_reasonable_attempt', rule: 'ended_early', evidenceSteps: [0, 1] });
    expect(classifyFailure(episode({ stopReason: 'parse_failures', steps: [] })).rule).toBe('ended_early');
    // Three steps is not "within the first 2"…
    const three = episode({ steps: [['/', click('1')], ['/', click('2')], ['/', click('3')]] });
    expect(classifyFailure(three).category).toBe('others');
    // …unless earlySteps says so.
    expect(classifyFailure(three, { earlySteps: 3 }).rule).toBe('ended_early');
  });

  it('an episode cut off by the environment is not "ended early" but others/interrupted', () => {
    const ep = episode({ stopReason: 'browser_error', steps: [['/', click('1')]] });
    expect(classifyFailure(ep)).toMatchObject({ category: 'others', rule: 'interrupted', evidenceSteps: [0] });
  });

  it('others: no rule matched', () => {
    const ep = episode({ steps: [['/', click('1')], ['/a', click('2')], ['/b', typeText('3', 'x')], ['/c', click('4')]] });
    expect(classifyFailure(ep)).toMatchObject({ category: 'others', rule: 'none_matched', evidenceSteps: [] });
  });
});

describe('classifyFailure — priority order (docs/design/MIRA.md §1.1)', () => {
  const loop: StepSpec[] = [['/', click('a')], ['/', click('a')], ['/', click('a')]];

  it('wrong termination beats stuck midway and ended-early: looped, then stopped early with a wrong answer', () => {
    // Without the stop the same steps are stuck midway (3 identical at the end)…
    expect(classifyFailure(episode({ steps: loop })).category).toBe('stuck_midway');
    // …with it (4 steps ≤ earlySteps = 4, so "ended early" also holds) rule 1 wins.
    const ep = episode({ steps: [...loop, ['/', stop('wrong')]] });
    expect(classifyFailure(ep, { earlySteps: 4 })).toMatchObject({ category: 'wrong_termination', evidenceSteps: [3] });
  });

  it('stuck midway beats ended-early: a loop that also ends within the first steps, without stop', () => {
    // earlySteps = 3: three steps is "very early", and the last 3 actions are identical → stuck wins.
    const ep = episode({ stopReason: 'repeated_actions', steps: loop });
    expect(classifyFailure(ep, { earlySteps: 3 })).toMatchObject({ category: 'stuck_midway', rule: 'identical_actions' });
    // Same with N = 2 on a 2-step episode (the default early threshold).
    const short = episode({ stopReason: 'repeated_actions', steps: loop.slice(0, 2) });
    expect(classifyFailure(short, { repeatN: 2 })).toMatchObject({ category: 'stuck_midway', evidenceSteps: [0, 1] });
  });

  it('stuck midway beats reached-the-target-page', () => {
    const ep = episode({ steps: [['/', click('1')], ...loop] });
    expect(classifyFailure(ep, {}, { reachedTargetPage: true }).category).toBe('stuck_midway');
  });

  it('a loop at the end of an interrupted episode is still stuck midway', () => {
    const ep = episode({ stopReason: 'process_killed', steps: loop });
    expect(classifyFailure(ep).category).toBe('stuck_midway');
  });
});

describe('classifyFailure — bad input', () => {
  it('refuses successful episodes and invalid settings', () => {
    const ok = episode({ success: true, steps: [['/', stop('42')]] });
    expect(() => classifyFailure(ok)).toThrow(/succeeded; only failed episodes are classified/);
    const failed = episode({ steps: [['/', click('1')]] });
    expect(() => classifyFailure(failed, { repeatN: 1 })).toThrow(/settings.repeatN must be an integer >= 2, got 1/);
    expect(() => classifyFailure(failed, { cycleRepeatsM: 2.5 })).toThrow(/settings.cycleRepeatsM/);
    expect(() => classifyFailure(failed, { earlySteps: -1 })).toThrow(/settings.earlySteps must be an integer >= 0/);
  });
});
