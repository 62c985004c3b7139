import { useEffect } from 'react';
import { useWorkbench } from '../../stores/workbench-store';

export interface StepChoice {
  episodeId: string;
  t: number;
}

/** Chooses an episode (from the recorded ones) and one of its steps, for previews and trials. */
export function StepPicker({ value, onChange }: { value: StepChoice | null; onChange(choice: StepChoice): void }) {
  const episodes = useWorkbench((s) => s.episodes);
  const loadEpisodes = useWorkbench((s) => s.loadEpisodes);
  useEffect(() => {
    if (episodes.length === 0) void loadEpisodes();
  }, [episodes.length, loadEpisodes]);
  useEffect(() => {
    if (!value && episodes[0]) onChange({ episodeId: episodes[0].id, t: 0 });
  }, [value, episodes, onChange]);
  const episode = episodes.find((e) => e.id === value?.episodeId);
  return (
    <span className="step-picker">
      <label>
        Episode{' '}
        <select value={value?.episodeId ?? ''} onChange={(e) => onChange({ episodeId: e.target.value, t: 0 })}>
          {episodes.map((e) => (
            <option key={e.id} value={e.id}>{`${e.taskId} · ${e.policy} · ${e.stepCount} steps · ${e.id.slice(0, 8)}`}</option>
          ))}
        </select>
      </label>{' '}
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
    </span>
  );
}
