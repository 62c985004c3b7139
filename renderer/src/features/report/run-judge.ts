import type { StoredRunConfig } from '../../../../main/api/run-config';
import type { RunRecord } from '../../../../main/api/types';

type Judge = NonNullable<StoredRunConfig['judge']>;

/** The LLM that judged a run's fuzzy_match checks, as recorded when it started (main/runs/evaluation-judge.ts);
 * null for a run with no judged task, or one recorded before judges were. */
export function judgeOf(run: Pick<RunRecord, 'config'>): Judge | null {
  const judge = (run.config as { judge?: Partial<Judge> }).judge;
  return judge && typeof judge.provider === 'string' && typeof judge.model === 'string' ? (judge as Judge) : null;
}

/** The judge's own server as shown: its URL without a query or fragment (a run recorded before the settings
 * refused them may carry a key there), and without a trailing slash, so one server reads and compares the same;
 * null when the judge used its provider's server. */
export function judgeServer(judge: Pick<Judge, 'baseUrl'>): string | null {
  if (!judge.baseUrl) return null;
  try {
    const url = new URL(judge.baseUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return judge.baseUrl.split(/[?#]/)[0].replace(/\/+$/, '');
  }
}

export function judgeText(judge: Judge | null): string {
  if (!judge) return '—';
  const server = judgeServer(judge);
  return `${judge.provider} · ${judge.model}${server ? ` at ${server}` : ''}`;
}

/** Why two runs' judged tasks cannot be compared (docs/design/WEBARENA.md §2.2: a verdict is only as comparable
 * as the judge model, and one model name at two servers may be two models), or null when both recorded the same
 * judge or either recorded none. */
export function judgeMismatch(a: Pick<RunRecord, 'config'>, b: Pick<RunRecord, 'config'>): string | null {
  const [left, right] = [judgeOf(a), judgeOf(b)];
  if (!left || !right || (left.provider === right.provider && left.model === right.model && judgeServer(left) === judgeServer(right))) return null;
  return `The runs were judged by different LLMs (A: ${judgeText(left)}, B: ${judgeText(right)}): their outcomes on tasks scored by fuzzy_match are not comparable.`;
}
