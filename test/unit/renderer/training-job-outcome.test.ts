import { describe, expect, it } from 'vitest';
import type { TrainingJob, TrainingPhaseResult } from '../../../main/api/training-types';
import { jobOutcomeLine } from '../../../renderer/src/features/training/job-outcome';

const phase = (n: number, testSuccess: number, testEpisodes = 4): TrainingPhaseResult => ({
  variant: 'full', phase: n, testSuccess, testEpisodes, trainSuccess: null, losses: {}, samples: 0, samplesPerSecond: 0, seconds: 1, checkpoint: `phase-${n}.json`,
});
const last: TrainingJob['last'] = { jobId: 'j', variant: 'full', phase: 1, stage: 'evaluation', done: 1, total: 1, message: '' };

// The web-UI audit of 2026-12-05: a job that ended kept its last progress line; it now says what it came to.
describe('jobOutcomeLine', () => {
  it('a finished job: the last phase evaluated and the best test SR, untested phases left out', () => {
    expect(jobOutcomeLine({ status: 'finished', phases: [phase(0, 0.25), phase(1, 0.75), phase(2, 0, 0)], last })).toBe('Finished: evaluated through phase 2; best test SR 75% (full, phase 1)');
    expect(jobOutcomeLine({ status: 'finished', phases: [phase(0, 0.5)], last })).toBe('Finished: evaluated through phase 0; best test SR 50% (full, phase 0)');
  });

  it('a stopped job: where it stopped, and what it had evaluated by then', () => {
    expect(jobOutcomeLine({ status: 'cancelled', phases: [], last })).toBe('Cancelled during phase 1 · test evaluation: no phase evaluated');
    expect(jobOutcomeLine({ status: 'failed', phases: [phase(0, 0, 0)], last: null })).toBe('Failed: evaluated through phase 0');
  });

  it('refuses a running job, which has a progress line instead', () => {
    expect(() => jobOutcomeLine({ status: 'running', phases: [], last })).toThrow(/still running/);
  });
});
