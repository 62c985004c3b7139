import { useEffect, useId, useRef, useState } from 'react';
import type { EpisodeSummary } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { useWorkbench } from '../../stores/workbench-store';

/** Keys that move a closed select's choice (and fire its change at once), as a person browses the options. */
const BROWSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/** Picks another episode of the same task to compare with this one. A pick opens the comparison; from the
 * keyboard, the arrows only browse the episodes and Enter opens the one chosen, so looking through the list
 * does not leave the replay at the first key press (WCAG 3.2.2). */
export function CompareWith({ episodeId, taskId }: { episodeId: string; taskId: string }) {
  const [others, setOthers] = useState<EpisodeSummary[]>([]);
  const navigate = useWorkbench((s) => s.navigate);
  const browsing = useRef(false);
  const hint = useId();
  useEffect(() => {
    getClient().listEpisodes({ taskId }).then((list) => setOthers(list.filter((e) => e.id !== episodeId)), () => setOthers([]));
  }, [episodeId, taskId]);
  if (others.length === 0) return null;
  const open = (right: string) => right && navigate({ view: 'compare', left: episodeId, right, step: 0 });
  return (
    <span className="small">
      <label>
        Compare with{' '}
        <select
          defaultValue=""
          aria-describedby={hint}
          onKeyDown={(e) => {
            // A printable key jumps to an option by its first letter, like the arrows.
            browsing.current = !e.altKey && (BROWSING_KEYS.has(e.key) || (e.key.length === 1 && e.key !== ' '));
            if (e.key === 'Enter') open(e.currentTarget.value);
          }}
          onPointerDown={() => (browsing.current = false)}
          onChange={(e) => {
            if (!browsing.current) open(e.target.value);
            browsing.current = false;
          }}
        >
          <option value="" disabled>another episode of this task…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>{`${o.policy} · ${o.success ? 'success' : o.status === 'finished' ? 'failed' : o.status} · ${o.stepCount} steps · ${o.id.slice(0, 8)}`}</option>
          ))}
        </select>
      </label>
      <span id={hint} className="sr-only">Arrow keys choose an episode, Enter opens the comparison.</span>
    </span>
  );
}
