import { useEffect, useState } from 'react';
import type { EpisodeListRow } from '../../../../main/api/contract';
import { getClient } from '../../api/client';

export interface StepChoice {
  episodeId: string;
  t: number;
}

/** Episodes offered at once: the newest, or the newest matching the search (issue 22: one small page of the
 * paged episode API, never the whole list). */
const PICKER_PAGE = 50;

/** Chooses an episode (from the recorded ones, searchable by intent, answer or note) and one of its steps,
 * for previews and trials. */
export function StepPicker({ value, onChange }: { value: StepChoice | null; onChange(choice: StepChoice): void }) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState<{ rows: EpisodeListRow[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The chosen episode's row, kept when a later search no longer lists it.
  const [chosen, setChosen] = useState<EpisodeListRow | null>(null);
  useEffect(() => {
    let live = true;
    getClient()
      .listEpisodePage({ ...(search ? { search } : {}), limit: PICKER_PAGE })
      .then((answer) => live && (setPage({ rows: answer.rows, total: answer.total }), setError(null)), (err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [search]);
  useEffect(() => {
    if (!value && page?.rows[0]) onChange({ episodeId: page.rows[0].id, t: 0 });
  }, [value, page, onChange]);
  const listed = page?.rows.find((e) => e.id === value?.episodeId);
  useEffect(() => {
    if (listed) setChosen(listed);
  }, [listed]);
  const episode = listed ?? (chosen?.id === value?.episodeId ? chosen : null);
  const options = episode && !listed ? [episode, ...(page?.rows ?? [])] : page?.rows ?? [];
  return (
    <span className="step-picker">
      <label>
        Find{' '}
        <input type="search" placeholder="intent, answer or note" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Find an episode" />
      </label>{' '}
      <label>
        Episode{' '}
        <select value={value?.episodeId ?? ''} onChange={(e) => onChange({ episodeId: e.target.value, t: 0 })}>
          {options.map((e) => (
            <option key={e.id} value={e.id}>{`${e.taskId} · ${e.policy} · ${e.stepCount} steps · ${e.id.slice(0, 8)}`}</option>
          ))}
        </select>
      </label>{' '}
      {page && page.total > page.rows.length && (
        <span className="muted small" data-testid="step-picker-count">newest {page.rows.length} of {page.total}{search ? ' matching' : ''}</span>
      )}{' '}
      <label>
        Step{' '}
        <input
          type="number"
          min={1}
          max={Math.max(1, episode?.stepCount ?? 1)}
          value={(value?.t ?? 0) + 1}
          onChange={(e) => value && onChange({ episodeId: value.episodeId, t: Math.max(0, Number(e.target.value) - 1) })}
        />
      </label>
      {error && <span role="alert" className="error small"> Could not list episodes: {error}</span>}
    </span>
  );
}
