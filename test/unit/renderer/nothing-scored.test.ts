import { describe, expect, it } from 'vitest';
import { nothingScoredText } from '../../../renderer/src/features/runs/nothing-scored';

// A stopped run with nothing scored gets a calm empty state, not "Could not build the report" (first-hour audit).
describe('nothingScoredText', () => {
  it('reads the core refusal of a run that stopped before any episode finished', () => {
    expect(nothingScoredText('Run r1 has no scored episodes yet.')).toBe(
      'Nothing to report yet: no episode of this run has been scored (the run stopped before any episode finished). Resume runs the unfinished tasks here; the report appears once an episode is scored.',
    );
  });

  it('says how many episodes ended in infrastructure failures', () => {
    expect(nothingScoredText('Run r1 has no scored episodes yet (2 ended in infrastructure failures; `resume r1` runs them again).')).toContain(
      '(2 episodes ended in infrastructure failures, which do not count)',
    );
    expect(nothingScoredText('Run r1 has no scored episodes yet (1 ended in infrastructure failures; `resume r1` runs them again).')).toContain('(1 episode ended');
  });

  it('leaves other errors alone', () => {
    expect(nothingScoredText('No run with id r9.')).toBeNull();
  });
});
