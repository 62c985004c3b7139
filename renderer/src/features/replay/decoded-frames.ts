// Frames fetched and decoded ahead of the key press that shows them (issue 22: next frame < 16 ms). An
// Image() that nothing references is collected, and Chromium may drop its decoded pixels with it; the next
// step's <img> then decodes again while the person waits. Holding the last few decoded images keeps their
// pixels ready, so the frame after a key press paints in the first animation frame.

/** Decoded frames kept: the neighbours of the step shown, both directions, with room for a quick back-and-forth. */
const KEEP = 12;

/** Decoded (or decoding) images by URL, oldest first: a Map keeps insertion order, which makes it an LRU. */
const held = new Map<string, HTMLImageElement>();

/** Starts fetching and decoding `url` unless it is held already; the least recently asked frame makes room. */
export function decodeAhead(url: string): void {
  const known = held.get(url);
  if (known) {
    held.delete(url); // asked again: now the most recent
    held.set(url, known);
    return;
  }
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  // A frame that fails to load shows its own error when it is selected; a failed one is not kept.
  image.decode().catch(() => held.get(url) === image && held.delete(url));
  held.set(url, image);
  while (held.size > KEEP) held.delete(held.keys().next().value!);
}

/** The URLs of the frames held, least recently asked first. */
export function heldFrames(): string[] {
  return [...held.keys()];
}
