import { useEffect, useState } from 'react';
import type { EpisodeSummary } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { useWorkbench } from '../../stores/workbench-store';

/** Picks another episode of the same task to compare with this one. */
export function CompareWith({ episodeId, taskId }: { episodeId: string; taskId: string }) {
  const [others, setOthers] = useState<EpisodeSummary[]>([]);
  const navigate = useWorkbench((s) => s.navigate);
  useEffect(() => {
    getClient().listEpisodes({ taskId }).then((list) => setOthers(list.filter((e) => e.id !== episodeId)), () => setOthers([]));
  }, [episodeId, taskId]);
  if (others.length === 0) return null;
  return (
    <label className="small">
      Compare with{' '}
      <select defaultValue="" onChange={(e) => e.target.value && navigate({ view: 'compare', left: episodeId, right: e.target.value, step: 0 })}>
        <option value="" disabled>another episode of this task…</option>
        {others.map((o) => (
          <option key={o.id} value={o.id}>{`${o.policy} · ${o.success ? 'success' : o.status === 'finished' ? 'failed' : o.status} · ${o.stepCount} steps · ${o.id.slice(0, 8)}`}</option>
        ))}
      </select>
    </label>
  );
}
