/** A labelled progress bar (native <progress>, so assistive tech and tests read value/max). */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <span className="progress">
      <progress value={done} max={total} aria-label={label} />
      <span className="small">{done}/{total}</span>
    </span>
  );
}
