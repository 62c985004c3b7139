import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrainingDefaults, withTrainingDefaults } from '../../../main/training/training-defaults';

// TrainingOptions' defaults live in one frozen object (issue 19); the trainer reads the resolved options only.
describe('withTrainingDefaults', () => {
  it('fills every field left out from TrainingDefaults and derives the directories from the checkpoint', () => {
    const o = withTrainingDefaults({ checkpointDir: '/tmp/ck' });
    expect(o).toMatchObject({ ...TrainingDefaults, checkpointDir: '/tmp/ck', demoCacheDir: '/tmp/ck', rolloutDataDir: join('/tmp/ck', 'rollouts') });
    expect(o.phases).toBe(2);
    expect(o.batchSize).toBe(64);
    expect(o.criticBatchSize).toBe(128);
    expect(o.tasksPerPhase).toBeUndefined(); // every train task: known only once the split is drawn
    expect(o.sftDemosPerFamily).toBeUndefined(); // every successful demonstration
  });

  it('keeps what the caller gives, including false and 0, and treats an explicit undefined as left out', () => {
    const o = withTrainingDefaults({ checkpointDir: '/c', evaluate: false, sftDemosPerFamily: 0, phases: 5, seed: undefined, demoCacheDir: '/shared' });
    expect(o.evaluate).toBe(false);
    expect(o.sftDemosPerFamily).toBe(0);
    expect(o.phases).toBe(5);
    expect(o.seed).toBe(TrainingDefaults.seed);
    expect(o.demoCacheDir).toBe('/shared');
  });

  it('cannot be changed by one caller for every other caller', () => {
    expect(Object.isFrozen(TrainingDefaults)).toBe(true);
    expect(Object.isFrozen(TrainingDefaults.families)).toBe(true);
  });
});
