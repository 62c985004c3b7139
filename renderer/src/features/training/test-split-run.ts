// "Run on the test split" of a phase's checkpoint (issue 21), as the request it sends and the line that says under
// which limits. The run must stop episodes where the trainer's evaluation stopped them (the training audit of
// 2026-12-05: it ran 30 steps where the evaluation allowed 20, so the two SRs did not compare). Pure, unit-tested.
import type { StartRunRequest } from '../../../../main/api/contract';
import type { TrainingJob, TrainingPhaseResult } from '../../../../main/api/training-types';

export interface TestSplitRun {
  request: StartRunRequest;
  /** What the person reads next to the button: the step limit, and whether it is the evaluation's. */
  limit: string;
}

export function testSplitRun(job: Pick<TrainingJob, 'testTaskIds' | 'evaluationStopRules'>, phase: Pick<TrainingPhaseResult, 'checkpoint'>): TestSplitRun {
  const rules = job.evaluationStopRules;
  const request: StartRunRequest = { taskIds: job.testTaskIds ?? [], policy: 'local', checkpoint: phase.checkpoint, ...(rules ? { stopRules: { ...rules } } : {}) };
  const limit = rules
    ? `at most ${rules.maxSteps} steps per episode, as in the phase's test evaluation`
    : 'the default stop rules (this job\'s record predates its evaluation limits, so its SR may not compare)';
  return { request, limit };
}
