// What a run report's rates leave out, said next to them (docs/design/MIRA.md §5): a headline of "5/5" over a
// run that recorded six episodes must say where the sixth went.
import type { RunReport } from '../../../../main/api/run-report';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Not counted: …" for the infrastructure failures and unscored episodes of a report, or null when none. */
export function notCountedText(report: Pick<RunReport, 'infrastructureFailures' | 'unscoredEpisodes'>): string | null {
  const parts: string[] = [];
  const infra = report.infrastructureFailures ?? 0;
  const unscored = report.unscoredEpisodes ?? 0;
  if (infra > 0) parts.push(`${plural(infra, 'task whose newest attempt', 'tasks whose newest attempts')} ended in an infrastructure failure (Resume runs ${infra === 1 ? 'it' : 'them'} again)`);
  if (unscored > 0) parts.push(`${plural(unscored, 'finished episode', 'finished episodes')} that could not be scored`);
  return parts.length ? `Not counted: ${parts.join('; ')}.` : null;
}
