/** Texts by hash, least recently used first out once they hold more than `maxChars` characters in all, so a long
 * replay session keeps the steps around the ones being looked at, not every observation it ever showed. A text
 * larger than the whole budget is not kept. */
export class TextCache {
  private readonly texts = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get size(): number {
    return this.texts.size;
  }

  get totalChars(): number {
    return this.chars;
  }

  has(hash: string): boolean {
    return this.texts.has(hash);
  }

  /** The text, now the most recently used; undefined when not held. */
  get(hash: string): string | undefined {
    const text = this.texts.get(hash);
    if (text === undefined) return undefined;
    this.texts.delete(hash);
    this.texts.set(hash, text);
    return text;
  }

  set(hash: string, text: string): void {
    const old = this.texts.get(hash);
    if (old !== undefined) {
      this.texts.delete(hash);
      this.chars -= old.length;
    }
    if (text.length > this.maxChars) return;
    this.texts.set(hash, text);
    this.chars += text.length;
    // A Map iterates in insertion order: the first key is the least recently used.
    for (const [oldest, value] of this.texts) {
      if (this.chars <= this.maxChars) break;
      this.texts.delete(oldest);
      this.chars -= value.length;
    }
  }
}
