import { describe, expect, it } from 'vitest';
import type { TrainingJob } from '../../../main/api/training-types';
import { studyHtml } from '../../../main/training/study/html-report';
import { studyView } from '../../../main/training/study/study-view';

const outcome = (taskId: string, success: boolean) => ({ taskId, success, failureMode: success ? null : ('stuck_midway' as const), milestones: success ? 2 : 1, milestonesTotal: 2, steps: 9 });

const job: TrainingJob = {
  id: 'abcdef12-job', status: 'finished', createdAt: '2026-12-05T03:00:00.000Z', finishedAt: '2026-12-05T03:05:00.000Z',
  request: { variants: ['full', 'no-potential'], phases: 1, families: ['shop/<script>alert(1)</script>'], instancesPerFamily: 10, seed: 1, seeds: [1, 2] },
  backend: { name: 'wasm (SIMD, 1 thread)', attempts: [] }, lossCurve: [], error: null, last: null,
  phases: (['full', 'no-potential'] as const).flatMap((variant) => [1, 2].flatMap((seed) => [0, 1].map((phase) => ({
    variant, phase, seed, testSuccess: 0.5, testEpisodes: 2, trainSuccess: phase ? 0.5 : null, samples: 1, samplesPerSecond: 1, seconds: 1, checkpoint: 'x',
    losses: (phase ? { 'value held-out BCE': 0.5, 'potential held-out MSE': 0.2 } : {}) as Record<string, number>,
    testOutcomes: [outcome('a', true), outcome('b', phase === 1 && seed === 1)],
    ...(phase ? { filter: { keptTrajectories: 2, newTrajectories: 4, keptSteps: 10, newSteps: 20 } } : {}),
  })))),
};

describe('study HTML report', () => {
  const html = studyHtml(studyView(job), '2026-12-05T04:00:00.000Z');

  it('is one self-contained file: no URL, no script, no external asset', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('embeds the plots as inline SVG: SR bands per variant, stacked failure bars, critic losses, filter counts', () => {
    expect(html.match(/<svg /g)?.length).toBe(5);
    expect(html.match(/data-testid="sr-band"/g)?.length).toBe(2);
    expect(html).toContain('data-testid="failure-segment" data-variant="full" data-phase="0" data-mode="stuck_midway" data-share="1"');
    expect(html.match(/data-testid="critic-point"/g)?.length).toBe(4);
    expect(html).toContain('data-testid="filter-kept" data-variant="full" data-phase="1" data-count="4"');
  });

  it('shows the table with intervals and escapes names', () => {
    expect(html).toContain('<th>test SR [95% CI]</th>');
    expect(html).toMatch(/<td>full<\/td><td>1<\/td><td>75\.0% \[/);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('shop/&lt;script&gt;');
  });
});
