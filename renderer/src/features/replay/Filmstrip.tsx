import { useRef } from 'react';
import type { StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { useCentred, useHorizontalWindow } from './use-window';

/** Width of one thumbnail plus its gap, in CSS pixels (matches .thumb in styles.css). */
const THUMB = 118;

/** Thumbnails of every step along the top, the selected one highlighted and kept in view. The strip is
 * virtualised: only the thumbnails on screen (and a few either side) exist in the DOM, and their images load
 * lazily, so episodes of hundreds of steps stay smooth. */
export function Filmstrip({ steps, current, onSelect, prefixSteps = 0 }: {
  steps: StepRecord[];
  current: number;
  onSelect(t: number): void;
  /** A fork's replayed prefix: steps t < prefixSteps are marked ↺ (they repeat the source episode). */
  prefixSteps?: number;
}) {
  const strip = useRef<HTMLDivElement>(null);
  // Two thumbnails either side of the view: an open loads only the strip a person sees (issue 22: bytes per
  // open), and scrolling renders the next ones as they come near.
  const [start, end] = useHorizontalWindow(strip, THUMB, steps.length, 2);
  useCentred(strip, THUMB, current);
  const client = getClient();
  return (
    <div className="filmstrip" ref={strip} role="list" aria-label="Filmstrip" data-testid="filmstrip">
      <div className="filmstrip-track" style={{ width: steps.length * THUMB, paddingLeft: start * THUMB }}>
        {steps.slice(start, end).map((step, offset) => {
          const i = start + offset;
          const prefix = step.t < prefixSteps;
          return (
            <button
              key={step.t}
              type="button"
              role="listitem"
              className={prefix ? 'thumb prefix' : 'thumb'}
              data-prefix={prefix || undefined}
              aria-current={i === current ? 'step' : undefined}
              aria-label={`Step ${i + 1}: ${step.actionText || 'no action'}${prefix ? ' (replayed fork prefix)' : ''}`}
              title={`Step ${i + 1}${prefix ? ' (replayed from the source episode)' : ''}: ${step.actionText}`}
              onClick={() => onSelect(i)}
            >
              {/* The ~160 px thumbnail recorded with the step (issue 22); older steps fall back to the full screenshot. */}
              {step.thumbnailRef ?? step.screenshotRef ? <img src={client.blobUrl((step.thumbnailRef ?? step.screenshotRef)!)} alt="" loading="lazy" decoding="async" data-testid="filmstrip-image" /> : <span className="thumb-empty" />}
              <span className="thumb-label">{prefix ? '↺ ' : ''}{i + 1}{step.actionError ? ' ⚠' : ''}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
