// A cap on open browser contexts for the whole process (issue 14: many runs at once must not open contexts
// until Chromium runs out of memory). Past the cap a request waits in line; a freed slot goes straight to the
// first one waiting, so the cap holds even when new requests arrive in between.

export const DEFAULT_MAX_CONTEXTS = 16;

export class ContextSlots {
  private used = 0;
  private readonly waiting: Array<{ grant(): void; refuse(err: unknown): void }> = [];

  constructor(readonly max: number = DEFAULT_MAX_CONTEXTS) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`The browser context limit must be a positive integer, not ${max}.`);
  }

  /** Contexts open now, and requests waiting for one. */
  get inUse(): number {
    return this.used;
  }
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a release function once a slot is free; an aborted signal takes the request out of line.
   * Calling release more than once frees one slot only. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.used < this.max) this.used++;
    else await this.wait(signal);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.grant(); // the slot passes on; `used` stays the same
      else this.used--;
    };
  }

  private wait(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        refuse: reject,
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal!.reason instanceof Error ? signal!.reason : new Error(`Waiting for a browser context was aborted (${String(signal!.reason)}).`));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }
}
