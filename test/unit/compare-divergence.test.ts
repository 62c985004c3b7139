import { describe, expect, it } from 'vitest';
import { firstDivergence } from '../../renderer/src/features/compare/divergence';
import type { StepRecord } from '../../main/api/types';

const step = (t: number, url: string, elementId: string): StepRecord => ({
  episodeId: 'e', t, url, observationRef: null, screenshotRef: null, promptRef: null, responseRef: null,
  action: { type: 'click', elementId }, actionText: `click [${elementId}]`, actionError: null, targetBox: null,
  progress: null, value: null, potential: null, latencyMs: 0, timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
});

describe('firstDivergence (compare view)', () => {
  it('finds the first step whose page or action differs, ignoring host and port', () => {
    const a = [step(0, 'http://127.0.0.1:1/shop/', '5'), step(1, 'http://127.0.0.1:1/shop/c', '9'), step(2, 'http://127.0.0.1:1/shop/p', '3')];
    const b = [step(0, 'http://127.0.0.1:2/shop/', '5'), step(1, 'http://127.0.0.1:2/shop/c', '8')];
    expect(firstDivergence(a, b)).toBe(1);
    expect(firstDivergence(a, a)).toBeNull();
    expect(firstDivergence(a, a.slice(0, 2))).toBe(2); // one ended earlier
  });
});
