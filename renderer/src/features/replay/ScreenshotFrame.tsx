import { memo, useEffect, useRef, useState } from 'react';
import type { StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';

/** The step's screenshot with the acted element boxed. Boxes are in viewport CSS pixels; the image is the
 * viewport, so its natural size gives the scale. Neighbouring frames are preloaded so stepping never
 * flashes blank (Playwright trace viewer's double buffering, done with the browser cache). */
export const ScreenshotFrame = memo(function ScreenshotFrame({ step, neighbours }: { step: StepRecord; neighbours: StepRecord[] }) {
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const image = useRef<HTMLImageElement>(null);
  const client = getClient();
  const src = step.screenshotRef ? client.blobUrl(step.screenshotRef) : null;

  useEffect(() => {
    // Fetched and decoded ahead (issue 22), so the next key press paints a frame that is already an image
    // (the step texts are prefetched by the tabs that show them, StepTabs.tsx). Started once this frame has
    // loaded, so the frame a person is waiting for never shares the connection or the decoder with frames they
    // may never ask for.
    let started = false;
    const prefetch = () => {
      if (started) return;
      started = true;
      for (const n of neighbours) {
        if (!n.screenshotRef) continue;
        const ahead = new Image();
        ahead.src = client.blobUrl(n.screenshotRef);
        ahead.decode().catch(() => undefined); // a frame that fails to load shows its own error when selected
      }
    };
    const current = image.current;
    if (!current || current.complete) prefetch();
    else {
      current.addEventListener('load', prefetch, { once: true });
      current.addEventListener('error', prefetch, { once: true });
    }
    return () => {
      current?.removeEventListener('load', prefetch);
      current?.removeEventListener('error', prefetch);
    };
  }, [neighbours, client, src]);

  if (!src) return <div className="frame empty">No screenshot was recorded for this step.</div>;
  const box = step.targetBox;
  return (
    <div className="frame" data-testid="frame">
      <img
        ref={image}
        src={src}
        alt={`Screenshot of step ${step.t}`}
        data-testid="screenshot"
        onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
      />
      {box && natural && step.action?.type === 'click' && (
        <div
          className="click-point"
          data-testid="click-point"
          title="Where the click landed (the centre of the element)"
          style={{ left: `${((box.x + box.width / 2) / natural.width) * 100}%`, top: `${((box.y + box.height / 2) / natural.height) * 100}%` }}
        />
      )}
      {box && natural && (
        <div
          className="target-box"
          data-testid="target-box"
          title="The element this step acted on"
          style={{
            left: `${(box.x / natural.width) * 100}%`,
            top: `${(box.y / natural.height) * 100}%`,
            width: `${(box.width / natural.width) * 100}%`,
            height: `${(box.height / natural.height) * 100}%`,
          }}
        />
      )}
    </div>
  );
});
