import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';

type Size = { width: number; height: number };

/** The step's screenshot with the acted element boxed. Boxes are in viewport CSS pixels; the image is the
 * viewport, so its natural size gives the scale.
 *
 * Neighbouring frames wait in the page as hidden, decoded <img> elements stacked under the one shown, keyed
 * by their blob, so a key press only makes an element that already holds its pixels visible: no fetch, no
 * decode and no new element between the key and the frame (issue 22, next frame < 16 ms). A detached
 * `new Image()` as read-ahead was not enough: its pixels had to be decoded again for the element shown. */
export const ScreenshotFrame = memo(function ScreenshotFrame({ step, neighbours }: { step: StepRecord; neighbours: StepRecord[] }) {
  const client = getClient();
  // One id for every step, so a step change re-renders only the two images whose role changed (issue 22).
  const describedBy = useId();
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const ref = step.screenshotRef;

  // A frame that failed to load counts as settled (size 0): its neighbours still load, it shows no boxes.
  const onLoad = useCallback((blob: string, image: HTMLImageElement) => {
    const size = { width: image.naturalWidth, height: image.naturalHeight };
    setSizes((known) => (known.get(blob)?.width === size.width && known.get(blob)?.height === size.height ? known : new Map(known).set(blob, size)));
  }, []);

  // Frames ahead are fetched only once the frame shown has loaded, so the frame a person is waiting for never
  // shares the connection or the decoder with frames they may never ask for.
  const currentLoaded = !ref || sizes.has(ref);
  const ahead = currentLoaded ? uniqueRefs(neighbours, ref) : [];
  // In step order, so stepping only drops the frame at one end and adds one at the other: React never moves
  // an element (a moved <img> would be laid out afresh).
  const stack = [...ahead, ...(ref ? [{ blob: ref, t: step.t }] : [])].sort((a, b) => a.t - b.t);
  // Sizes of frames no longer held are forgotten, so a long session keeps a handful, not every frame seen.
  const heldBlobs = stack.map((s) => s.blob).join(' ');
  useEffect(() => {
    const held = new Set(heldBlobs.split(' '));
    setSizes((known) => ([...known.keys()].every((k) => held.has(k)) ? known : new Map([...known].filter(([k]) => held.has(k)))));
  }, [heldBlobs]);

  if (!ref) return <div className="frame empty">No screenshot was recorded for this step.</div>;
  const size = sizes.get(ref);
  const natural = size && size.width > 0 && size.height > 0 ? size : null;
  const box = step.targetBox;
  const side = box && natural ? offFrame(box, natural) : null;
  // What a screen reader says for the frame beyond its name: the page, and that the acted element is marked
  // (the action itself is read from the Action panel beside it).
  const description = `${step.url ? `The page at ${step.url}` : 'The page'}${box ? `; the element the step acted on is outlined${side ? `, ${side} the frame` : ''}` : ''}.`;
  return (
    <div className="frame" data-testid="frame">
      <span id={describedBy} className="sr-only">{description}</span>
      {stack.map(({ blob }) => (
        <FrameImage key={blob} blob={blob} src={client.blobUrl(blob)} shownAs={blob === ref ? step.t + 1 : null} describedBy={describedBy} onLoad={onLoad} />
      ))}
      {box && natural && step.action?.type === 'click' && (
        <div
          className="click-point"
          data-testid="click-point"
          title="Where the click landed (the centre of the element)"
          style={{ left: `${((box.x + box.width / 2) / natural.width) * 100}%`, top: `${((box.y + box.height / 2) / natural.height) * 100}%` }}
        />
      )}
      {box && natural && side && (
        <div
          className={`target-off-frame ${side.split(' ')[0]}`}
          data-testid="target-off-frame"
          role="note"
          style={side === 'below' || side === 'above'
            ? alongEdge('left', (box.x + box.width / 2) / natural.width)
            : alongEdge('top', (box.y + box.height / 2) / natural.height)}
        >
          {OFF_FRAME_ARROW[side]} The element this step acted on is {side} the frame: the page scrolled to it for the action.
        </div>
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

type Side = 'above' | 'below' | 'left of' | 'right of';
const OFF_FRAME_ARROW: Record<Side, string> = { above: '▲', below: '▼', 'left of': '◀', 'right of': '▶' };

/** Where an acted element lies wholly outside the frame (observed out of view; the executor scrolled it in
 * before acting), or null when any of it is in the frame. Its box alone would be drawn outside and clipped. */
function offFrame(box: { x: number; y: number; width: number; height: number }, frame: { width: number; height: number }): Side | null {
  if (box.y >= frame.height) return 'below';
  if (box.y + box.height <= 0) return 'above';
  if (box.x >= frame.width) return 'right of';
  if (box.x + box.width <= 0) return 'left of';
  return null;
}

/** Places the off-frame note along an edge in line with the element: at `fraction` of the edge, shifted back by
 * the same fraction of its own size, so the note's whole box stays inside the frame wherever the element is
 * (centring it on the point pushed half a wide note past the frame's side). */
function alongEdge(offset: 'left' | 'top', fraction: number): { left?: string; top?: string; transform: string } {
  const percent = Math.min(100, Math.max(0, fraction * 100));
  return { [offset]: `${percent}%`, transform: `translate${offset === 'left' ? 'X' : 'Y'}(-${percent}%)` };
}

/** One frame's <img>: shown (`shownAs` is its step, counted from 1 as the step counter does) or waiting
 * hidden, decoded ahead. React keeps the element when a waiting frame becomes the one shown (same key), so its decoded pixels come with it. */
const FrameImage = memo(function FrameImage({ blob, src, shownAs, describedBy, onLoad }: { blob: string; src: string; shownAs: number | null; describedBy: string; onLoad: (blob: string, image: HTMLImageElement) => void }) {
  const image = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const element = image.current;
    if (!element) return;
    // Decoded now, while hidden: a frame that fails to load shows its own error when selected.
    element.decode().catch(() => undefined);
    if (element.complete && element.naturalWidth > 0) onLoad(blob, element);
  }, [blob, onLoad]);
  const shown = shownAs !== null;
  return (
    <img
      ref={image}
      src={src}
      alt={shown ? `Screenshot of step ${shownAs}` : ''}
      aria-describedby={shown ? describedBy : undefined}
      aria-hidden={shown ? undefined : true}
      className={shown ? undefined : 'ahead'}
      data-testid={shown ? 'screenshot' : 'screenshot-ahead'}
      decoding="async"
      onLoad={(e) => onLoad(blob, e.currentTarget)}
      onError={(e) => onLoad(blob, e.currentTarget)}
    />
  );
});

/** The neighbours' screenshots, without the one shown and without repeats (two steps can share a frame). */
function uniqueRefs(neighbours: StepRecord[], shown: string | null | undefined): Array<{ blob: string; t: number }> {
  const refs: Array<{ blob: string; t: number }> = [];
  for (const n of neighbours) {
    if (n.screenshotRef && n.screenshotRef !== shown && !refs.some((r) => r.blob === n.screenshotRef)) refs.push({ blob: n.screenshotRef, t: n.t });
  }
  return refs;
}
