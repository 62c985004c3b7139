import type { EpisodeSort, SortKey } from './episode-filters';

/** A column header that sorts the table: click once ascending, again descending (aria-sort says which). */
export function SortHeader({ label, sortKey, sort, onSort }: { label: string; sortKey: SortKey; sort: EpisodeSort; onSort(sort: EpisodeSort): void }) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => onSort({ key: sortKey, descending: active ? !sort.descending : false })}>
        {label}{active ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}
