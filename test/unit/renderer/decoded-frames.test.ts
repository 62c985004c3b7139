import { beforeAll, describe, expect, it } from 'vitest';

// The replay holds the frames it decoded ahead (issue 22: next frame < 16 ms): a bounded, least-recently-asked
// set, so a held → key finds its frame decoded and a long episode does not keep every frame in memory.
const made: FakeImage[] = [];
class FakeImage {
  src = '';
  decoding = 'auto';
  private settle!: { resolve: () => void; reject: (e: Error) => void };
  readonly decoded = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
  constructor() {
    made.push(this);
  }
  decode(): Promise<void> {
    return this.decoded;
  }
  fail(): void {
    this.settle.reject(new Error('404'));
  }
}

let decodeAhead: (url: string) => void;
let heldFrames: () => string[];
beforeAll(async () => {
  (globalThis as unknown as { Image: typeof FakeImage }).Image = FakeImage;
  ({ decodeAhead, heldFrames } = await import('../../../renderer/src/features/replay/decoded-frames'));
});

describe('decoded frames held ahead of the key press', () => {
  it('fetches each frame once, keeps the 12 most recently asked, and a frame asked again moves to the front', () => {
    for (let t = 0; t < 12; t++) decodeAhead(`/blobs/f${t}`);
    expect(made).toHaveLength(12);
    expect(made.every((i) => i.decoding === 'async')).toBe(true);
    decodeAhead('/blobs/f0'); // asked again: no new fetch, now the most recent
    expect(made).toHaveLength(12);
    decodeAhead('/blobs/f12'); // a 13th: the least recently asked (f1) makes room
    expect(made).toHaveLength(13);
    expect(heldFrames()).toHaveLength(12);
    expect(heldFrames()[0]).toBe('/blobs/f2');
    expect(heldFrames().slice(-2)).toEqual(['/blobs/f0', '/blobs/f12']);
    expect(heldFrames()).not.toContain('/blobs/f1');
  });

  it('lets go of a frame that failed to load, so asking again fetches it again', async () => {
    decodeAhead('/blobs/broken');
    const image = made.at(-1)!;
    expect(image.src).toBe('/blobs/broken');
    image.fail();
    await image.decoded.catch(() => undefined);
    await Promise.resolve();
    expect(heldFrames()).not.toContain('/blobs/broken');
    decodeAhead('/blobs/broken');
    expect(made.at(-1)).not.toBe(image);
  });
});
