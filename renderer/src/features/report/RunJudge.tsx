import type { RunRecord } from '../../../../main/api/types';
import { judgeOf, judgeText } from './run-judge';

/** Which LLM judged the run's fuzzy_match checks (docs/design/WEBARENA.md §2.2); nothing when none did. */
export function RunJudge({ run }: { run: RunRecord }) {
  const judge = judgeOf(run);
  if (!judge) return null;
  return <p className="muted small" data-testid="run-judge">fuzzy_match judged by {judgeText(judge)} (temperature 0)</p>;
}
