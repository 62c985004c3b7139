import { describe, expect, it } from 'vitest';
import type { TrainingJob, TrainingPhaseResult, TrainingVariant } from '../../../main/api/training-types';
import { criticLossesPlot, filterCountsPlot } from '../../../main/training/study/study-plots';
import { studyReport } from '../../../main/training/study/study-report';

// The training audit of 2026-12-05: a job with MiRA phases whose critics had no held-out episodes (too few
// rollouts to hold one out) showed "no MiRA phase yet" under its critic plots, beside a table of MiRA phases.
// The empty plots now say what happened.
const result = (variant: TrainingVariant, phase: number, losses: Record<string, number>): TrainingPhaseResult => ({
  variant, phase, seed: 1, testSuccess: 0.5, testEpisodes: 2, trainSuccess: phase ? 0.5 : null, losses, samples: 1, samplesPerSecond: 1, seconds: 1, checkpoint: 'x',
});
const jobOf = (variants: TrainingVariant[], phases: TrainingPhaseResult[]): TrainingJob => ({
  id: 'job', status: 'finished', createdAt: '2026-12-05T03:00:00.000Z', finishedAt: '2026-12-05T03:05:00.000Z',
  request: { variants, phases: 2, families: ['shop/add-to-cart'], instancesPerFamily: 5, seed: 1 },
  backend: null, lossCurve: [], error: null, last: null, phases,
});
/** The sentences written in place of empty plots (wrapped into tspans of at most 43 characters in a 300 px plot). */
const notes = (svg: string, testId: string) => [...svg.matchAll(new RegExp(`<text [^>]*data-testid="${testId}">(.*?)</text>`, 'g'))].map((m) => {
  const lines = [...m[1].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(43);
  return lines.join(' ');
});
const emptyLines = (svg: string) => notes(svg, 'study-critic-empty');

describe('the study\'s critic and filter plots without points', () => {
  it('say "no MiRA phase yet" only when there is none', () => {
    const report = studyReport(jobOf(['full'], [result('full', 0, { sft: 1 })]));
    expect(emptyLines(criticLossesPlot(report))).toEqual(['value held-out BCE: no MiRA phase yet', 'potential held-out MSE: no MiRA phase yet']);
    expect(notes(filterCountsPlot(report), 'study-filter-empty')).toEqual(['Perplexity filter: no MiRA phase yet']);
  });

  it('say the held-out set was empty when the critics fitted without one', () => {
    const fitted = { critic: 0.4, potential: 0.1, policy: 0.2 };
    const report = studyReport(jobOf(['full'], [result('full', 0, { sft: 1 }), result('full', 1, fitted), result('full', 2, fitted)]));
    expect(emptyLines(criticLossesPlot(report))).toEqual([
      'value held-out BCE: no held-out loss: no held-out slice held both a success and a failure in all 2 MiRA phases (V then trained on every episode)',
      'potential held-out MSE: no held-out loss: the held-out set was empty in all 2 MiRA phases (too few rollouts of each outcome to hold one out)',
    ]);
    // Phases without filter counts (older records) are not "no MiRA phase".
    expect(notes(filterCountsPlot(report), 'study-filter-empty')).toEqual(['Perplexity filter: no counts recorded for these phases']);
  });

  it('say the potential critic was not fitted in a no-potential job, while V\'s held-out loss is drawn', () => {
    const report = studyReport(jobOf(['no-potential'], [result('no-potential', 0, { sft: 1 }), result('no-potential', 1, { critic: 0.4, policy: 0.2, 'value held-out BCE': 0.6 })]));
    const svg = criticLossesPlot(report);
    expect(emptyLines(svg)).toEqual(['potential held-out MSE: not fitted (no potential critic in these variants, or tasks without subgoals)']);
    expect(svg).toContain('data-testid="critic-point" data-variant="no-potential" data-phase="1" data-value="0.6"');
  });
});
