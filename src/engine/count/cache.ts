import { createHash } from 'node:crypto';

/** Strings up to this length are their own key; longer ones are keyed by a digest so the cache stays small. */
const INLINE_KEY_MAX = 256;

/**
 * Token counts by content, one cache per tokenizer: re-counting an unchanged prompt costs one hash and one lookup.
 * Least-recently-used entries go first once `maxEntries` is reached.
 */
export class CountCache {
  private readonly entries = new Map<string, number>();

  constructor(private readonly maxEntries = 50_000) {}

  static key(text: string): string {
    return text.length <= INLINE_KEY_MAX ? `=${text}` : `#${createHash('sha1').update(text).digest('base64')}:${text.length}`;
  }

  get(key: string): number | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh recency.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, count: number): void {
    this.entries.delete(key);
    this.entries.set(key, count);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
