import { describe, expect, it } from 'vitest';
import { notCountedText } from '../../../renderer/src/features/report/not-counted';

// The run report's headline rate leaves out infrastructure failures and unscored episodes; the line under it
// says how many, so "5/5" over a run of six episodes is explained.
describe('notCountedText', () => {
  it('is null when everything recorded was scored (or the fields are absent)', () => {
    expect(notCountedText({})).toBeNull();
    expect(notCountedText({ infrastructureFailures: 0, unscoredEpisodes: 0 })).toBeNull();
  });

  it('names each kind with its count, singular and plural', () => {
    expect(notCountedText({ infrastructureFailures: 1 })).toBe('Not counted: 1 task whose newest attempt ended in an infrastructure failure (Resume runs it again).');
    expect(notCountedText({ unscoredEpisodes: 2 })).toBe('Not counted: 2 finished episodes that could not be scored.');
    expect(notCountedText({ infrastructureFailures: 3, unscoredEpisodes: 1 })).toBe(
      'Not counted: 3 tasks whose newest attempts ended in an infrastructure failure (Resume runs them again); 1 finished episode that could not be scored.',
    );
  });
});
