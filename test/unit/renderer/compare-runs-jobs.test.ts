import { describe, expect, it } from 'vitest';
import type { EpisodeListRow } from '../../../main/api/contract';
import type { TrainingJob, TrainingPhaseResult } from '../../../main/api/training-types';
import { familyRates, rateValue, sharedRates, taskDiff } from '../../../renderer/src/features/compare/run-diff';
import { flattenOptions, optionsDiff, phaseRows } from '../../../renderer/src/features/compare/job-diff';
import { togglePair } from '../../../renderer/src/features/compare/pair-selection';
import { formatRoute, parseRoute } from '../../../renderer/src/stores/route';

// Issue 21 "two runs or two training jobs compared side by side": the pure parts of the Compare views.

let clock = 0;
const row = (taskId: string, family: string | null, success: boolean | null, id = `${taskId}-${++clock}`): EpisodeListRow => ({
  id, runId: 'r', taskId, policy: 'oracle', status: 'finished', success, score: success === null ? null : Number(success), failureMode: null,
  stopReason: 'agent_stop', stepCount: 3, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, ++clock)).toISOString(), intent: `do ${taskId}`, sites: ['shop'],
  family, note: null, tags: [],
});

describe('run comparison', () => {
  const left = [row('t1', 'shop/cart', true), row('t2', 'shop/cart', true), row('t3', 'shop/search', false), row('t4', 'shop/search', null)];
  const right = [row('t1', 'shop/cart', true), row('t2', 'shop/cart', false), row('t3', 'shop/search', true), row('t5', 'shop/search', true)];

  it('counts solved over scored per family in each run, on the tasks both ran', () => {
    expect(familyRates(left, right)).toEqual([
      { family: 'shop/cart', left: { solved: 2, scored: 2 }, right: { solved: 1, scored: 2 } },
      // Only t3 is in both runs: t4 (only left) and t5 (only right) would compare different tasks.
      { family: 'shop/search', left: { solved: 0, scored: 1 }, right: { solved: 1, scored: 1 } },
    ]);
    expect(rateValue({ solved: 0, scored: 0 })).toBeNull();
    expect(rateValue({ solved: 1, scored: 4 })).toBe(0.25);
  });

  it('rates both runs on the tasks both ran when their task sets differ', () => {
    // A: t1 ✓, t2 ✓, t3 ✗, t4 unscored → 2/3 overall; B: t1 ✓, t2 ✗, t3 ✓, t5 ✓ → 3/4 overall.
    // Shared t1–t3: A 2/3 (t1, t2), B 2/3 (t1, t3): the same, though the overall rates say B is better.
    expect(sharedRates(left, right)).toEqual({ leftTasks: 4, rightTasks: 4, sharedTasks: 3, left: { solved: 2, scored: 3 }, right: { solved: 2, scored: 3 } });
    // An easy task only B ran: B's overall 100% vs A's 0%, but on the one shared task both fail.
    const a = [row('hard', null, false)];
    const b = [row('hard', null, false), row('easy1', null, true), row('easy2', null, true), row('easy3', null, true)];
    expect(sharedRates(a, b)).toEqual({ leftTasks: 1, rightTasks: 4, sharedTasks: 1, left: { solved: 0, scored: 1 }, right: { solved: 0, scored: 1 } });
    expect(sharedRates([row('x', null, true)], [row('y', null, true)])).toMatchObject({ sharedTasks: 0, left: { solved: 0, scored: 0 }, right: { solved: 0, scored: 0 } });
    expect(familyRates([row('x', 'f', true)], [row('y', 'f', true)])).toEqual([]);
  });

  it('links the newest scored attempt, not a newer one that ended in an infrastructure failure', () => {
    const solved = row('t', null, true, 'solved');
    const infra = { ...row('t', null, null, 'infra'), status: 'error' as const, stopReason: 'llm_unavailable' as const };
    const [diff] = taskDiff([solved, infra], [row('t', null, true)]);
    expect(diff.left).toMatchObject({ solved: 1, scored: 1, success: true, episodeId: 'solved' });
    // With no scored attempt, the newest of any.
    expect(taskDiff([infra], [row('t', null, true)])[0].left).toMatchObject({ scored: 0, episodeId: 'infra', success: null });
  });

  it('classifies each task and lists changes first', () => {
    const diff = taskDiff(left, right);
    expect(diff.map((d) => [d.taskId, d.change])).toEqual([
      ['t2', 'broke'], ['t3', 'fixed'], ['t4', 'only-left'], ['t5', 'only-right'], ['t1', 'same'],
    ]);
    expect(diff[0].left).toMatchObject({ solved: 1, scored: 1, success: true, episodeId: left[1].id });
    expect(diff[0].right).toMatchObject({ solved: 0, scored: 1, success: false, episodeId: right[1].id });
  });

  it('compares rates over several attempts and links the newest episode', () => {
    const a = [row('t', null, true), row('t', null, false)];
    const b = [row('t', null, true), row('t', null, true), row('t', null, false, 'newest')];
    const [diff] = taskDiff(a, b);
    // 1/2 = 50% on the left, 2/3 ≈ 67% on the right: fixed (more of its attempts solved).
    expect(diff).toMatchObject({ change: 'fixed', left: { solved: 1, scored: 2 }, right: { solved: 2, scored: 3, episodeId: 'newest', success: false } });
    expect(taskDiff([row('u', null, null)], [row('u', null, true)])[0].change).toBe('unscored');
  });
});

const phase = (variant: TrainingPhaseResult['variant'], n: number, testSuccess: number, losses: Record<string, number>): TrainingPhaseResult => ({
  variant, phase: n, testSuccess, testEpisodes: 8, trainSuccess: null, losses, samples: 1, samplesPerSecond: 1, seconds: 1, checkpoint: `c${n}`,
});
const job = (request: Partial<TrainingJob['request']>, phases: TrainingPhaseResult[]): TrainingJob => ({
  id: 'j', status: 'finished', createdAt: '', finishedAt: null, backend: null, lossCurve: [], error: null, last: null, phases,
  request: { variants: ['full'], phases: 1, families: ['shop/a'], instancesPerFamily: 10, seed: 1, ...request },
});

describe('training job comparison', () => {
  it('flattens a request to dotted keys with display values', () => {
    expect(flattenOptions({ variants: ['full', 'kl'], budget: { rolloutsPerTask: 2 }, seed: 1, none: undefined })).toEqual({
      variants: 'full, kl', 'budget.rolloutsPerTask': '2', seed: '1', none: '—',
    });
  });

  it('lists every option, the differing ones first', () => {
    const rows = optionsDiff(job({ seed: 1 }, []).request, job({ seed: 2, parallelVariants: 2, budget: { rolloutsPerTask: 4 } }, []).request);
    expect(rows.filter((r) => r.differs).map((r) => [r.key, r.left, r.right])).toEqual([
      ['budget.rolloutsPerTask', '—', '4'], ['parallelVariants', '—', '2'], ['seed', '1', '2'],
    ]);
    expect(rows.filter((r) => !r.differs).map((r) => r.key)).toEqual(['families', 'instancesPerFamily', 'phases', 'variants']);
  });

  it('pairs phases by variant and phase, with the SR difference and the losses of either', () => {
    const a = job({}, [phase('full', 0, 0.25, { sft: 1.5 }), phase('full', 1, 0.5, { critic: 0.2, policy: 0.1 })]);
    const b = job({}, [phase('full', 0, 0.25, { sft: 1.4 }), phase('full', 1, 0.375, { critic: 0.3, potential: 0.05 }), phase('kl', 0, 0.125, {})]);
    expect(phaseRows(a, b).map((p) => [p.variant, p.phase, p.delta, p.losses])).toEqual([
      ['full', 0, 0, ['sft']], ['full', 1, -0.125, ['critic', 'policy', 'potential']], ['kl', 0, null, []],
    ]);
  });
});

describe('choosing two to compare', () => {
  it('keeps at most two, dropping the first ticked', () => {
    expect(togglePair([], 'a')).toEqual(['a']);
    expect(togglePair(['a'], 'b')).toEqual(['a', 'b']);
    expect(togglePair(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(togglePair(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('routes both comparisons both ways', () => {
    for (const view of ['compare-runs', 'compare-jobs'] as const) {
      const route = { view, left: 'a/1', right: 'b 2' };
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
    expect(formatRoute({ view: 'compare-runs', left: 'x', right: 'y' })).toBe('#/compare-runs/x/y');
  });
});
