import { useEffect, useRef } from 'react';
import type { StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';

const WINDOW = 40;

/** Thumbnails of every step along the top, the selected one highlighted and kept in view. Only a window
 * of thumbnails around the selection is rendered as images (lazy), so 100+ step episodes stay smooth. */
export function Filmstrip({ steps, current, onSelect }: { steps: StepRecord[]; current: number; onSelect(t: number): void }) {
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    strip.current?.querySelector<HTMLElement>('[aria-current="step"]')?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [current]);
  const client = getClient();
  return (
    <div className="filmstrip" ref={strip} role="list" aria-label="Filmstrip" data-testid="filmstrip">
      {steps.map((step, i) => {
        const near = Math.abs(i - current) <= WINDOW / 2;
        return (
          <button
            key={step.t}
            type="button"
            role="listitem"
            className="thumb"
            aria-current={i === current ? 'step' : undefined}
            aria-label={`Step ${i + 1}: ${step.actionText || 'no action'}`}
            title={`Step ${i + 1}: ${step.actionText}`}
            onClick={() => onSelect(i)}
          >
            {near && step.screenshotRef ? <img src={client.blobUrl(step.screenshotRef)} alt="" loading="lazy" /> : <span className="thumb-empty" />}
            <span className="thumb-label">{i + 1}{step.actionError ? ' ⚠' : ''}</span>
          </button>
        );
      })}
    </div>
  );
}
