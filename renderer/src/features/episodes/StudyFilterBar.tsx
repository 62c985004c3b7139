import { useEffect, useState } from 'react';
import type { EpisodeQuery } from '../../../../main/api/contract';
import type { StudyFacets } from './study-facets';

/** Wait after the last keystroke before searching, so typing a word sends one query, not one per letter. */
const SEARCH_DELAY_MS = 300;

/** Text search over intents, answers and notes, and the store-side filters (family, run, subgoal and prompt
 * version, tag) of the episodes table (issue 21 "Study tables"). */
export function StudyFilterBar({ query, facets, onChange }: { query: EpisodeQuery; facets: StudyFacets; onChange(patch: Partial<EpisodeQuery>): void }) {
  const [text, setText] = useState(query.search ?? '');
  useEffect(() => {
    if ((query.search ?? '') === text) return;
    const timer = setTimeout(() => onChange({ search: text || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, query.search, onChange]);
  const num = (value: string) => (value ? Number(value) : undefined);
  const active = Object.keys(query).length > 0;
  return (
    <div className="filter-bar study-bar" role="search" aria-label="Study filters">
      <input
        type="search"
        className="study-search"
        placeholder="Search intents, answers, notes…"
        aria-label="Search intents, answers and notes"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Select label="Family" value={query.family ?? ''} options={facets.family.map((f) => [f, f])} onChange={(v) => onChange({ family: v || undefined })} />
      <Select label="Run" value={query.runId ?? ''} options={facets.runs.map((r) => [r.id, r.label])} onChange={(v) => onChange({ runId: v || undefined })} />
      <Select label="Subgoals" value={String(query.subgoalVersion ?? '')} options={facets.subgoalVersion.map((v) => [String(v), `v${v}`])} onChange={(v) => onChange({ subgoalVersion: num(v) })} />
      <Select label="Prompt" value={String(query.promptVersion ?? '')} options={facets.promptVersion.map((v) => [String(v), `v${v}`])} onChange={(v) => onChange({ promptVersion: num(v) })} />
      <Select label="Tag" value={query.tag ?? ''} options={facets.tag.map((t) => [t, t])} onChange={(v) => onChange({ tag: v || undefined })} />
      {active && (
        <button type="button" onClick={() => (setText(''), onChange({ search: undefined, family: undefined, runId: undefined, subgoalVersion: undefined, promptVersion: undefined, tag: undefined }))}>
          Clear search
        </button>
      )}
    </div>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange(value: string): void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">any</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
}
