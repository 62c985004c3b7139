import { describe, expect, it } from 'vitest';
import { verdictCaption } from '../../../renderer/src/features/replay/verdict-caption';

// The caption above the verdicts beside a replay frame: the first frame is before any action, except in a
// one-step episode, whose only frame shows the verdicts after its action (the audit of 2026-12-05).
describe('verdictCaption', () => {
  it('says what each frame of a 3-step episode was judged on', () => {
    expect(verdictCaption(0, 3)).toBe('The page before the first action: nothing judged yet.');
    expect(verdictCaption(1, 3)).toBe("Judged on this page, after step 1's action.");
    expect(verdictCaption(2, 3)).toBe("Judged on this page, after step 2's action (and after this last action).");
  });

  it('does not call a one-step episode\'s only frame "before the first action"', () => {
    expect(verdictCaption(0, 1)).toBe("Judged after this step's action, the episode's only one.");
  });
});
