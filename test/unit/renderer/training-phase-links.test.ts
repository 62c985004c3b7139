import { describe, expect, it } from 'vitest';
import { rolloutsLink } from '../../../renderer/src/features/training/rollouts-link';
import { stageLine } from '../../../renderer/src/features/training/stage-label';

// The training audit of 2026-12-05: phase 0's link counted every demonstration (not SFT's), and the stage line
// read "rollout 32/32" while the critics trained.
describe('rolloutsLink', () => {
  it('phase 0: counts the demonstrations SFT used, of those recorded, and opens the successful ones', () => {
    expect(rolloutsLink({ phase: 0, rollouts: { runId: 'r', episodes: 2, recorded: 4 } })).toMatchObject({
      runId: 'r', label: 'demonstrations (2 used by SFT, of 4)', outcome: 'succeeded',
    });
    expect(rolloutsLink({ phase: 0, rollouts: { runId: 'r', episodes: 4, recorded: 4 } })).toMatchObject({ label: 'demonstrations (4)', outcome: 'succeeded' });
  });

  it('later phases link every rollout; no run, no link', () => {
    expect(rolloutsLink({ phase: 1, rollouts: { runId: 'r', episodes: 32 } })).toMatchObject({ label: 'rollouts (32)', outcome: '' });
    expect(rolloutsLink({ phase: 0 })).toBeNull();
  });
});

describe('stageLine', () => {
  it('names the unit, the phase, the stage in words and what its count counts', () => {
    expect(stageLine({ variant: 'full', seed: 2, phase: 1, stage: 'critics', done: 3, total: 40 }, true)).toBe('full · seed 2 · phase 1 · critic training (epoch 3/40)');
    expect(stageLine({ variant: 'full', seed: 2, phase: 1, stage: 'policy', done: 1, total: 3 }, false)).toBe('full · phase 1 · policy update (minibatch 1/3)');
    expect(stageLine({ variant: null, phase: 0, stage: 'sft', done: 0, total: 0 }, false)).toBe('phase 0 · SFT on the demonstrations');
  });
});
