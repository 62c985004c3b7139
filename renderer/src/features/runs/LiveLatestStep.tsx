import { useEffect, useState } from 'react';
import type { EpisodeRecord, StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { liveEpisodeCaption, liveProgressCaption } from './live-progress';

/** The newest step of a running run, said to belong to its episode (`name`: what the agent was asked) and
 * task, with the subgoals done in words (the first-hour audit of 2026-12-05). Before any step arrives it says
 * what is happening: a cold first run spends seconds starting Chromium, which looked like nothing at all. */
export function LiveLatestStep({ latest, episode, name, seedsMatter, nothingFinished }: { latest: StepRecord | null; episode: EpisodeRecord | undefined; name: string; seedsMatter: boolean; nothingFinished: boolean }) {
  const names = useSubgoalNames(latest?.episodeId ?? null);
  if (!latest) {
    return (
      <p className="small muted" role="status" data-testid="live-waiting">
        {nothingFinished ? 'Starting the browser… the first step shows here once the task page has loaded.' : 'Waiting for the next step…'}
      </p>
    );
  }
  return (
    <div className="live-frame">
      <p className="small" data-testid="live-episode">
        <strong data-testid="live-episode-name">{name}</strong>
        {episode && <span className="muted"> · {liveEpisodeCaption(episode, latest.episodeId, seedsMatter)}</span>}
      </p>
      <p className="small">Step {latest.t + 1}: <code>{latest.actionText}</code> on {latest.url}</p>
      {latest.progress && <p className="small" data-testid="live-progress" title={`progress vector [${latest.progress.join(', ')}]`}>{liveProgressCaption(latest.progress, names)}</p>}
      {latest.screenshotRef && <img src={getClient().blobUrl(latest.screenshotRef)} alt={`Latest frame of ${episode ? name : 'the running episode'}`} data-testid="live-frame" />}
    </div>
  );
}

/** The texts of the subgoal set the episode is judged against (null until read, or when it has none). Not the
 * task's newest set: a person may have saved another version since, with another count (the e2e suite's
 * subgoals spec does), and its names would then be dropped or, worse, be the wrong ones. */
function useSubgoalNames(episodeId: string | null): string[] | null {
  const [names, setNames] = useState<{ episodeId: string; texts: string[] } | null>(null);
  useEffect(() => {
    if (!episodeId) return;
    let live = true;
    getClient().getEpisode(episodeId).then(
      (detail) => live && setNames({ episodeId, texts: detail.subgoals?.items.map((i) => i.text) ?? [] }),
      () => undefined, // names are a nicety: the count stands without them
    );
    return () => {
      live = false;
    };
  }, [episodeId]);
  return names && names.episodeId === episodeId ? names.texts : null;
}
