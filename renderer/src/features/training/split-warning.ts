// A test split too small to measure anything (issue 21: "a split with one test task reports 0% or 100%
// without a warning"). Pure, unit-tested.
import type { TrainingJob } from '../../../../main/api/training-types';

/** Below this many test tasks the test success rate is warned about. */
export const SMALL_TEST_SPLIT = 10;

/** The job's number of test tasks: its recorded test split, else the largest evaluated phase, else null. */
export function testTaskCount(job: Pick<TrainingJob, 'testTaskIds' | 'phases'>): number | null {
  if (job.testTaskIds) return job.testTaskIds.length;
  const evaluated = job.phases.map((p) => p.testEpisodes).filter((n) => n > 0);
  return evaluated.length ? Math.max(...evaluated) : null;
}

/** The warning to show, or null when the split is large enough (or its size is not known yet). */
export function smallSplitWarning(testTasks: number | null): string | null {
  if (testTasks === null || testTasks >= SMALL_TEST_SPLIT) return null;
  if (testTasks === 0) return 'This job has no test tasks: its test success rate measures nothing. Add instances per family (every fifth instance is a test task).';
  const step = Math.round(100 / testTasks);
  return `Only ${testTasks} test task${testTasks === 1 ? '' : 's'} (fewer than ${SMALL_TEST_SPLIT}): each one moves the test success rate by ${step} points, so ${testTasks === 1 ? '0% or 100% is' : 'the rates are'} not a measurement. Add instances per family or families (every fifth instance is a test task).`;
}
