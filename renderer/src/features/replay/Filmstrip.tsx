import { memo, useEffect, useRef } from 'react';
import type { StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import type { StepMark } from './step-outline';
import { useFocusFollows } from './use-focus-follows';
import { useCentred, useHorizontalWindow } from './use-window';

/** Width of one thumbnail plus its gap, in CSS pixels (matches .thumb in styles.css). */
const THUMB = 118;

/** Thumbnails of every step along the top, the selected one highlighted and kept in view. The strip is
 * virtualised: only the thumbnails on screen (and a few either side) exist in the DOM, their images load
 * lazily, and the step records that name them are asked for (`onVisible`) as they come into view, so
 * episodes of hundreds of steps stay smooth. A step change re-renders only the two thumbnails whose
 * selection changed. One Tab stop, the current step's thumbnail; the step keys move the focus with the step. */
export const Filmstrip = memo(function Filmstrip({ marks, frames, current, onSelect, onVisible, prefixSteps = 0 }: {
  marks: readonly StepMark[];
  /** Full step records by position where loaded (their thumbnail refs). */
  frames: readonly (StepRecord | undefined)[];
  current: number;
  onSelect(t: number): void;
  /** The positions [from, to) the strip shows, so their records are loaded. */
  onVisible(from: number, to: number): void;
  /** A fork's replayed prefix: steps t < prefixSteps are marked ↺ (they repeat the source episode). */
  prefixSteps?: number;
}) {
  const strip = useRef<HTMLDivElement>(null);
  // Two thumbnails either side of the view: an open loads only the strip a person sees (issue 22: bytes per
  // open), and scrolling renders the next ones as they come near.
  const [start, end] = useHorizontalWindow(strip, THUMB, marks.length, 2);
  useCentred(strip, THUMB, current);
  useFocusFollows(strip, current, `${start}:${end}`);
  useEffect(() => onVisible(start, end), [onVisible, start, end]);
  return (
    <div className="filmstrip" ref={strip} role="list" aria-label="Filmstrip" data-testid="filmstrip">
      <div className="filmstrip-track" style={{ width: marks.length * THUMB, paddingLeft: start * THUMB }}>
        {marks.slice(start, end).map((mark, offset) => {
          const i = start + offset;
          const frame = frames[i];
          return <Thumb key={mark.t} mark={mark} index={i} selected={i === current} prefix={mark.t < prefixSteps} blob={frame ? frame.thumbnailRef ?? frame.screenshotRef : undefined} onSelect={onSelect} />;
        })}
      </div>
    </div>
  );
});

const Thumb = memo(function Thumb({ mark, index, selected, prefix, blob, onSelect }: {
  mark: StepMark;
  index: number;
  selected: boolean;
  prefix: boolean;
  /** The ~160 px thumbnail recorded with the step (issue 22), or the full screenshot of older steps; null: no
   * frame was recorded; undefined: the step's record is on its way. */
  blob: string | null | undefined;
  onSelect(t: number): void;
}) {
  const label = `Step ${index + 1}: ${mark.actionText || 'no action'}${prefix ? ' (replayed fork prefix)' : ''}`;
  // A list item holding a button: a screen reader hears a button it can press (a button given the listitem
  // role was announced as plain text).
  return (
    <div role="listitem" className="thumb-item" aria-label={label} aria-current={selected ? 'step' : undefined}>
      <button
        type="button"
        className={prefix ? 'thumb prefix' : 'thumb'}
        data-prefix={prefix || undefined}
        aria-current={selected ? 'step' : undefined}
        tabIndex={selected ? 0 : -1}
        aria-label={label}
        title={`Step ${index + 1}${prefix ? ' (replayed from the source episode)' : ''}: ${mark.actionText}`}
        onClick={() => onSelect(index)}
      >
        {blob ? <img src={getClient().blobUrl(blob)} alt="" loading="lazy" decoding="async" data-testid="filmstrip-image" /> : <span className="thumb-empty" />}
        <span className="thumb-label">{prefix ? '↺ ' : ''}{index + 1}{mark.failed ? ' ⚠' : ''}</span>
      </button>
    </div>
  );
});
