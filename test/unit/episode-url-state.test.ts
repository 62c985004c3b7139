import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../renderer/src/features/runs/episode-filters';
import { DEFAULT_SORT, formatEpisodeUrlState, hashQuery, parseEpisodeUrlState } from '../../renderer/src/features/runs/episode-url-state';
import { parseRoute } from '../../renderer/src/stores/route';

// The episodes list's filters and sort live in the hash's query so a reload or a pasted link restores them.
describe('the episodes list URL state', () => {
  it('writes only what differs from the defaults, readably, and reads it back', () => {
    const state = { filters: { ...NO_FILTERS, site: 'shop', outcome: 'failed' as const, failureMode: 'wrong_termination' }, sort: { key: 'steps' as const, descending: false } };
    const hash = formatEpisodeUrlState(state);
    expect(hash).toBe('#/?site=shop&failureMode=wrong_termination&outcome=failed&sort=steps.asc');
    expect(parseRoute(hash)).toEqual({ view: 'episodes' });
    expect(parseEpisodeUrlState(hashQuery(hash))).toEqual(state);
    expect(formatEpisodeUrlState({ filters: NO_FILTERS, sort: DEFAULT_SORT })).toBe('#/');
  });

  it('round-trips values that need escaping', () => {
    const state = { filters: { ...NO_FILTERS, policy: 'gpt 4o & co/v=2' }, sort: DEFAULT_SORT };
    expect(parseEpisodeUrlState(hashQuery(formatEpisodeUrlState(state)))).toEqual(state);
  });

  it('reads the `#/episodes?` spelling too, and a hash without a query names nothing', () => {
    expect(parseEpisodeUrlState(hashQuery('#/episodes?site=shop&sort=started.desc'))).toEqual({ filters: { ...NO_FILTERS, site: 'shop' }, sort: DEFAULT_SORT });
    expect(parseEpisodeUrlState(hashQuery('#/'))).toBeNull();
    expect(parseEpisodeUrlState(hashQuery('#/?utm=x'))).toBeNull();
  });

  it('drops unknown and malformed values instead of throwing, leaving the list unfiltered', () => {
    const junk = ['outcome=maybe', 'sort=started', 'sort=secret.desc', 'sort=steps.sideways', `site=${'x'.repeat(500)}`, 'phase=a%0Ab', 'nonsense=1&outcome=', '%%%&sort=%E0%A4%A'];
    for (const query of junk) {
      const state = parseEpisodeUrlState(query);
      expect(state, query).toEqual({ filters: NO_FILTERS, sort: DEFAULT_SORT });
    }
    // One bad value does not cost the good ones.
    expect(parseEpisodeUrlState('site=shop&outcome=maybe&sort=score.desc')).toEqual({ filters: { ...NO_FILTERS, site: 'shop' }, sort: { key: 'score', descending: true } });
  });
});
