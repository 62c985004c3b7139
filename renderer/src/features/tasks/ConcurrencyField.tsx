import { useState } from 'react';

/** The host's bound on episodes at once (main/api/schemas.ts, startRun's `concurrency`). */
export const MAX_PARALLEL_EPISODES = 16;

/** A whole number of episodes at once, 1–16, or null for anything else (empty, 0, 2.5, 20). */
export function parseParallelEpisodes(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_PARALLEL_EPISODES ? n : null;
}

/** "Parallel episodes" on the Tasks page. What the person types stays as typed while they type (clamping each
 * keystroke turned a cleared field into 1, so typing 2 gave 12); a number out of range is named, and the
 * value reported is the last valid one, or null while the text is not one. */
export function ConcurrencyField(props: { value: number; machineDefault: number | null; onChange: (value: number | null) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && parseParallelEpisodes(draft) === null;
  return (
    <label title="Episodes run at once, each in its own browser context">
      Parallel episodes{' '}
      <input
        type="number"
        min={1}
        max={MAX_PARALLEL_EPISODES}
        value={draft ?? props.value}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'concurrency-problem' : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          props.onChange(parseParallelEpisodes(e.target.value));
        }}
        // Leaving the field shows the number a run would use again.
        onBlur={() => {
          if (!invalid) setDraft(null);
        }}
      />
      {invalid && <span id="concurrency-problem" role="alert" className="error small"> a whole number from 1 to {MAX_PARALLEL_EPISODES}</span>}
      {props.machineDefault !== null && <span className="muted small" data-testid="concurrency-default"> this machine's default: {props.machineDefault}</span>}
    </label>
  );
}
