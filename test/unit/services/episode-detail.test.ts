import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../main/api/types';
import { stepForDetail } from '../../../main/services/episode-detail';

// getEpisode leaves out what no screen shows (the policy's view refs, read by exports from the store) and keeps
// every field the replay, compare and fork views read (issue 22: bytes per replay open).
describe('stepForDetail', () => {
  const step: StepRecord = {
    episodeId: 'e1', t: 3, url: 'http://127.0.0.1/shop', observationRef: 'o', screenshotRef: 's', thumbnailRef: 'th',
    promptRef: 'p', responseRef: 'r', action: { type: 'click', elementId: '7' }, actionText: 'click [7]', actionError: null,
    targetBox: { x: 1, y: 2, width: 3, height: 4 }, progress: [1, 0], value: 0.5, potential: 0.25, latencyMs: 12,
    timings: { observeMs: 1, policyMs: 2, actMs: 3, storeMs: 4 },
    views: { policy: { format: 'axtree', textRef: 'o', idsRef: null }, webrl: { format: 'webrl-html', textRef: 'h', idsRef: 'i' } },
  };

  it('drops the view refs and keeps every other field as stored', () => {
    const { views: _views, ...rest } = step;
    expect(stepForDetail(step)).toEqual(rest);
    expect('views' in stepForDetail(step)).toBe(false);
    expect(step.views).toBeDefined(); // the stored record is not changed
  });
});
