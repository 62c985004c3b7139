/** A stopped run with no scored episode is not a failed report (the first-hour audit of 2026-12-05: it read
 * "Could not build the report: Run … has no scored episodes yet"). The core says so in its refusal
 * (main/runs/analyze-run.ts); this reads that refusal, and says why in words. null: some other error. */
export function nothingScoredText(reportError: string): string | null {
  if (!/has no scored episodes yet/.test(reportError)) return null;
  const failures = /\((\d+) ended in infrastructure failures/.exec(reportError);
  const why = failures
    ? `${failures[1]} ${failures[1] === '1' ? 'episode' : 'episodes'} ended in infrastructure failures, which do not count`
    : 'the run stopped before any episode finished';
  return `Nothing to report yet: no episode of this run has been scored (${why}). Resume runs the unfinished tasks here; the report appears once an episode is scored.`;
}
