import type { EpisodeRecord } from '../../../main/api/types';

/** ✓ / ✗ / status badge, so a list and a replay header read the same. */
export function OutcomeBadge({ episode }: { episode: Pick<EpisodeRecord, 'status' | 'success'> }) {
  if (episode.status === 'running') return <span className="badge running">running</span>;
  if (episode.status === 'interrupted') return <span className="badge warn">interrupted</span>;
  if (episode.status === 'error') return <span className="badge fail">error</span>;
  if (episode.success === null) return <span className="badge">not scored</span>;
  return episode.success ? <span className="badge ok" aria-label="success">✓ success</span> : <span className="badge fail" aria-label="failure">✗ failed</span>;
}
