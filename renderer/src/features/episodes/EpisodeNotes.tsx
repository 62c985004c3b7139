import { useEffect, useState } from 'react';
import type { EpisodeAnnotation } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { FocusKeepingButton } from '../../components/FocusKeepingButton';
import { parseTags } from './tags';

/** The person's note and tags on an episode (issue 21 "Study tables"), stored with it and searchable from the
 * episodes table. Saved explicitly; a refused save (too long, a bad tag) says why and keeps the draft. */
export function EpisodeNotes({ episodeId, annotation }: { episodeId: string; annotation: EpisodeAnnotation }) {
  const [saved, setSaved] = useState(annotation);
  const [note, setNote] = useState(annotation.note ?? '');
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [status, setStatus] = useState<{ error?: string; ok?: boolean }>({});
  useEffect(() => {
    setSaved(annotation);
    setNote(annotation.note ?? '');
    setTags(annotation.tags.join(', '));
  }, [episodeId, annotation]);
  const dirty = note !== (saved.note ?? '') || tags !== saved.tags.join(', ');
  const save = async () => {
    try {
      const stored = await getClient().annotateEpisode(episodeId, { note: note || null, tags: parseTags(tags) });
      setSaved(stored);
      setTags(stored.tags.join(', '));
      setStatus({ ok: true });
    } catch (err) {
      setStatus({ error: (err as Error).message });
    }
  };
  return (
    <section className="panel episode-notes" aria-label="Notes and tags">
      <h2>Notes and tags</h2>
      <label className="small">
        Tags (comma-separated){' '}
        <input value={tags} onChange={(e) => (setTags(e.target.value), setStatus({}))} aria-label="Tags" placeholder="e.g. flaky, wrong-answer" />
      </label>
      <textarea value={note} onChange={(e) => (setNote(e.target.value), setStatus({}))} aria-label="Note" rows={3} placeholder="What you noticed about this episode" />
      <div>
        <FocusKeepingButton onClick={() => void save()} unavailable={!dirty}>Save note</FocusKeepingButton>{' '}
        {status.ok && !dirty && <span className="small ok-text" role="status">Saved.</span>}
        {status.error && <span className="small error" role="alert">Not saved: {status.error}</span>}
      </div>
    </section>
  );
}
