import { describe, expect, it } from 'vitest';
import { UnitProgress } from '../../../main/services/unit-progress';

// The training audit of 2026-12-05: the job read "rollout 32/32" while its critics trained — a log line set the
// stage to 'rollout', a loss point its count to epoch/epoch — and SFT's bar was full from its first epoch.
describe('UnitProgress', () => {
  const unit = { variant: 'full' as const, seed: 2, label: 'full seed 2' };

  it('reports each stage with its own count, in words', () => {
    const p = new UnitProgress(unit);
    expect(p.progress({ type: 'progress', stage: 'critic', phase: 1, done: 3, total: 40 })).toEqual({
      variant: 'full', seed: 2, phase: 1, stage: 'critics', done: 3, total: 40, message: 'full seed 2: phase 1 critic fit epoch 3/40',
    });
    expect(p.progress({ type: 'progress', stage: 'policy', phase: 1, done: 1, total: 3 })).toMatchObject({ stage: 'policy', done: 1, total: 3, message: 'full seed 2: phase 1 policy update minibatch 1/3' });
  });

  it('a log line keeps the stage and count last reported', () => {
    const p = new UnitProgress(unit);
    p.progress({ type: 'progress', stage: 'rollout', phase: 1, done: 32, total: 32 });
    p.progress({ type: 'progress', stage: 'critic', phase: 1, done: 5, total: 40 });
    expect(p.log('phase 1: perplexity filter kept 3/4')).toEqual({ variant: 'full', seed: 2, phase: 1, stage: 'critics', done: 5, total: 40, message: 'full seed 2: phase 1: perplexity filter kept 3/4' });
  });

  it('a loss point takes its stage\'s count (SFT epoch 2 of 10), or done when its stage reported none', () => {
    const p = new UnitProgress(unit);
    p.progress({ type: 'progress', stage: 'sft', phase: 0, done: 2, total: 10 });
    expect(p.loss({ type: 'loss', stage: 'sft', phase: 0, epoch: 1, loss: 0.5, samplesPerSecond: 80 }, { sft: 0.5 })).toEqual({
      variant: 'full', seed: 2, phase: 0, stage: 'sft', done: 2, total: 10, losses: { sft: 0.5 }, samplesPerSecond: 80, message: 'full seed 2: phase 0 sft loss 0.5000',
    });
    p.progress({ type: 'progress', stage: 'policy', phase: 1, done: 3, total: 3 });
    expect(p.loss({ type: 'loss', stage: 'critic', phase: 1, epoch: 7, loss: 0.3, samplesPerSecond: 0 }, { critic: 0.3 })).toMatchObject({ stage: 'critics', done: 1, total: 1, samplesPerSecond: undefined });
  });
});
