import { describe, expect, it } from 'vitest';
import { liveEpisodeCaption, liveProgressCaption } from '../../../renderer/src/features/runs/live-progress';

// The live run view says what its progress vector and its latest step are (the first-hour audit of 2026-12-05).
describe('liveProgressCaption', () => {
  it('counts the done milestones and names each when the names fit the vector', () => {
    expect(liveProgressCaption([1, 0, 0], ['Open the cart', 'Pay', 'Confirm'])).toBe('subgoals done: 1 of 3 — ✓ Open the cart · ○ Pay · ○ Confirm');
  });

  it('gives the count alone without names, or with names of another set', () => {
    expect(liveProgressCaption([1, 1, 0], null)).toBe('subgoals done: 2 of 3');
    expect(liveProgressCaption([1, 0], ['a', 'b', 'c'])).toBe('subgoals done: 1 of 2');
  });

  it('counts a milestone as done only at 1', () => {
    expect(liveProgressCaption([0.5, 1], null)).toBe('subgoals done: 1 of 2');
  });
});

describe('liveEpisodeCaption', () => {
  const episode = { id: 'abcdef1234567890', taskId: 'sandbox/shop/checkout/3', seed: 2 };
  it('names the task and the short episode id, and the seed when the run repeats tasks', () => {
    expect(liveEpisodeCaption(episode, episode.id, false)).toBe('sandbox/shop/checkout/3 · episode abcdef12');
    expect(liveEpisodeCaption(episode, episode.id, true)).toBe('sandbox/shop/checkout/3 (seed 2) · episode abcdef12');
  });

  it('falls back to the short id before the episode record arrives', () => {
    expect(liveEpisodeCaption(undefined, 'abcdef1234567890', false)).toBe('episode abcdef12');
  });
});
