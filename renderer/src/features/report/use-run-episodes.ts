import { useEffect, useState } from 'react';
import type { EpisodeSummary } from '../../../../main/api/contract';
import { getClient } from '../../api/client';

/** The run's episodes as lists show them (with each task's intent), read once per run; [] until read or on error. */
export function useRunEpisodes(runId: string): EpisodeSummary[] {
  const [episodes, setEpisodes] = useState<EpisodeSummary[]>([]);
  useEffect(() => {
    let live = true;
    getClient().listEpisodes({ runId }).then((list) => live && setEpisodes(list), () => live && setEpisodes([]));
    return () => {
      live = false;
    };
  }, [runId]);
  return episodes;
}
