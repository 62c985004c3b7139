import { useEffect } from 'react';
import type { EpisodeListRow } from '../../../../main/api/contract';
import { OutcomeBadge } from '../../components/Outcome';
import { useRowWindow } from '../../components/windowed-rows';
import type { EpisodeSort } from './episode-filters';
import { SortHeader } from './SortHeader';
import { formatDateTime, formatShortDateTime } from '../../components/format-time';
import { stopReasonLabel } from './stop-reason-label';

/** Each row's fixed height (px); styles.css `.grid.windowed` holds every row to it. */
const ROW_HEIGHT = 34;

/** Column widths (px) of every column but Task, which takes the rest: the table fits a 1280 px window with all
 * ten columns (the web-UI audit of 2026-12-05 measured 1612 px, Started and Stop reason off to the right).
 * Rows are one line high for the windowing, so a long cell is cut with an ellipsis and its full text is the
 * cell's title. */
const COLUMN_WIDTHS = [150, 80, 100, 125, 60, 60, 125, 80, 135];

/** The episodes table, windowed (issue 22 "Lists at scale"): only the rows in view are in the DOM, the rest
 * are spacers, so 10k episodes paint as fast as 30 and every one is reached by scrolling. Rows not loaded
 * yet show as loading and are asked for through `onRange`. */
export function EpisodeTable({ total, rowAt, onRange, sort, onSort, onOpen, onPress, search }: {
  total: number;
  rowAt(index: number): EpisodeListRow | undefined;
  onRange(first: number, last: number): void;
  sort: EpisodeSort;
  onSort(sort: EpisodeSort): void;
  onOpen(episodeId: string): void;
  /** A row pressed (before the click that opens it): the episode can start loading a few ms to ~100 ms early. */
  onPress?(episodeId: string): void;
  search: string;
}) {
  const { containerRef, first, last, padTop, padBottom } = useRowWindow(total, ROW_HEIGHT);
  useEffect(() => {
    if (last >= first) onRange(first, last);
  }, [first, last, onRange, rowAt]); // rowAt changes when pages arrive or a new query resets them
  const header = (label: string, key: EpisodeSort['key']) => <SortHeader label={label} sortKey={key} sort={sort} onSort={onSort} />;
  const indices = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  return (
    <div className="table-window" ref={containerRef} data-testid="episode-table-window">
      <table className="grid windowed" data-testid="episode-table" aria-label="Episodes" aria-rowcount={total + 1} data-search={search}>
        <colgroup>
          <col />
          {COLUMN_WIDTHS.map((width, i) => <col key={i} style={{ width }} />)}
        </colgroup>
        <thead>
          <tr>
            {header('Task', 'task')}
            {header('Site', 'site')}
            {header('Policy', 'policy')}
            {header('Outcome', 'outcome')}
            {header('Failure mode', 'failure')}
            {header('Score', 'score')}
            {header('Steps', 'steps')}
            <th scope="col">Stop reason</th>
            <th scope="col">Tags</th>
            {header('Started', 'started')}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" className="spacer" style={{ height: padTop }} />}
          {indices.map((index) => {
            const e = rowAt(index);
            if (!e) {
              return (
                <tr key={`loading-${index}`} aria-rowindex={index + 2} data-testid="episode-row-loading">
                  <td colSpan={10} className="muted">Loading…</td>
                </tr>
              );
            }
            return (
              <tr key={e.id} aria-rowindex={index + 2} data-testid="episode-row" onPointerDown={() => onPress?.(e.id)} onClick={() => onOpen(e.id)}>
                <td title={e.intent ? `${e.intent}\n(task ${e.taskId})` : e.taskId}>
                  <a href={`#/episode/${e.id}/step/0`} onClick={(ev) => ev.preventDefault()}>
                    {e.intent || e.taskId}
                  </a>
                </td>
                <td title={[e.sites.join(', '), e.family].filter(Boolean).join(' · ')}>{e.sites.join(', ')}{e.family && <span className="muted small" data-testid="episode-family" title="Task family"> · {e.family}</span>}</td>
                <td title={e.policy}>{e.policy}</td>
                <td><OutcomeBadge episode={e} /></td>
                <td title={e.failureMode ?? undefined}>{(e.failureMode ?? '').replace(/_/g, ' ') || '—'}</td>
                <td>{e.score ?? '—'}</td>
                <td>{e.stepCount}</td>
                <td title={e.stopReason ?? undefined}>{stopReasonLabel(e.stopReason)}</td>
                <td data-testid="episode-tags" title={[e.tags.join(', '), e.note].filter(Boolean).join('\n') || undefined}>
                  {e.tags.map((t) => <span key={t} className="badge tag">{t}</span>)}
                  {e.note && <span className="muted small" aria-label={`Note: ${e.note}`}> ✎</span>}
                </td>
                {/* Shown short to fit; the full date and time on hover and as the cell's name for a screen reader. */}
                <td title={formatDateTime(e.createdAt)} aria-label={formatDateTime(e.createdAt)}>{formatShortDateTime(e.createdAt)}</td>
              </tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden="true" className="spacer" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  );
}
