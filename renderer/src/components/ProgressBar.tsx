/** A labelled progress bar (native <progress>, so assistive tech and tests read value/max). The count is also
 * a polite live region, so a screen reader hears a run move on ("Run progress: 3 of 10") without going to it;
 * the visible "3/10" is hidden from it so the count is not read twice. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <span className="progress">
      <progress value={done} max={total} aria-label={label} />
      <span className="small" aria-hidden="true">{done}/{total}</span>
      <span className="sr-only" aria-live="polite" aria-atomic="true">{label}: {done} of {total}</span>
    </span>
  );
}
