import type { EpisodeFilters } from './episode-filters';

const OUTCOMES: { value: EpisodeFilters['outcome']; label: string }[] = [
  { value: '', label: 'any' },
  { value: 'succeeded', label: 'succeeded' },
  { value: 'failed', label: 'failed' },
  { value: 'unscored', label: 'not scored' },
];

const LABELS: Record<Exclude<keyof EpisodeFilters, 'outcome'>, string> = {
  site: 'Site',
  failureMode: 'Category',
  policy: 'Policy',
  phase: 'Phase',
};

/** One labelled select per filter (site, outcome, failure mode, policy, phase), plus a reset. */
export function EpisodeFilterBar({ filters, options, onChange, shown, total }: {
  filters: EpisodeFilters;
  options: Record<Exclude<keyof EpisodeFilters, 'outcome'>, string[]>;
  onChange(patch: Partial<EpisodeFilters>): void;
  shown: number;
  total: number;
}) {
  const active = Object.values(filters).some(Boolean);
  return (
    <div className="filter-bar" role="search" aria-label="Episode filters">
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((key) => (
        <label key={key}>
          {LABELS[key]}{' '}
          <select value={filters[key]} onChange={(e) => onChange({ [key]: e.target.value })}>
            <option value="">any</option>
            {options[key].map((v) => <option key={v} value={v}>{v.replace(/_/g, ' ')}</option>)}
          </select>
        </label>
      ))}
      <label>
        Outcome{' '}
        <select value={filters.outcome} onChange={(e) => onChange({ outcome: e.target.value as EpisodeFilters['outcome'] })}>
          {OUTCOMES.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <span className="small muted" data-testid="filter-count" aria-live="polite">{shown} of {total} episodes</span>
      {active && <button type="button" onClick={() => onChange({ site: '', outcome: '', failureMode: '', policy: '', phase: '' })}>Clear filters</button>}
    </div>
  );
}
