/**
 * Top-level statements as regions of the text, told apart before any of them is queried: the ones whose words show
 * they may hold a candidate (an API method name, a prompt-like name, a `role` key, an import...) are indexed at once;
 * the others only when a lookup needs them (a name spelled in them, a position inside them). Querying a syntax tree
 * costs time for every node it visits, and most of a file's statements never matter to its prompts.
 */

/** A word character of the scan: ASCII letters, digits, `_`, `$`, and anything non-ASCII (identifiers may be Korean). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128;
}

/** True when every character of `name` is a word character (so it is spelled as one whole word of the scan). */
export function isWholeWord(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) if (!isWordChar(name.charCodeAt(i))) return false;
  return true;
}

export class Regions {
  /** Where each region starts; region i ends where region i + 1 starts (the last one at the end of the text). */
  readonly starts: number[];
  /** Whether region i has been indexed. */
  readonly indexed: Uint8Array;
  /** The regions not indexed yet that spell a word, by word. */
  private readonly wordRegions = new Map<string, number[]>();
  /** How many regions are not indexed yet. */
  left = 0;

  /**
   * Scans the words of `text` once: a region with a word for which `wanted` says true is marked indexed (the caller
   * queries it now); the words of the others are remembered for lookups.
   */
  constructor(text: string, starts: number[], wanted: (word: string) => boolean) {
    this.starts = starts;
    const n = starts.length;
    this.indexed = new Uint8Array(n);
    // Words of each region, kept until the region turns out to be wanted (then they are not needed).
    const words: (string[] | null)[] = new Array<string[] | null>(n).fill(null);
    const verdicts = new Map<string, boolean>();
    const length = text.length;
    let region = -1;
    let nextStart = n > 0 ? starts[0] : length;
    let i = 0;
    while (i < length) {
      if (!isWordChar(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const from = i;
      while (i < length && isWordChar(text.charCodeAt(i))) i++;
      while (from >= nextStart) {
        region++;
        nextStart = region + 1 < n ? starts[region + 1] : length + 1;
      }
      // Text before the first region (leading whitespace only) belongs to no statement.
      if (region < 0 || this.indexed[region]) continue;
      const word = text.slice(from, i);
      let verdict = verdicts.get(word);
      if (verdict === undefined) {
        verdict = wanted(word);
        verdicts.set(word, verdict);
      }
      if (verdict) {
        this.indexed[region] = 1;
        words[region] = null;
      } else (words[region] ??= []).push(word);
    }
    for (let r = 0; r < n; r++) {
      if (this.indexed[r]) continue;
      this.left++;
      const list = words[r];
      if (!list) continue;
      for (const w of list) {
        const regions = this.wordRegions.get(w);
        if (!regions) this.wordRegions.set(w, [r]);
        else if (regions[regions.length - 1] !== r) regions.push(r);
      }
    }
  }

  end(region: number, textLength: number): number {
    return region + 1 < this.starts.length ? this.starts[region + 1] : textLength;
  }

  /** The region holding offset `pos`, or -1 before the first one. */
  at(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The regions not indexed yet that spell `word` (asked once per word: the caller indexes them all). */
  take(word: string): number[] {
    const list = this.wordRegions.get(word);
    if (!list) return [];
    this.wordRegions.delete(word);
    return list.filter((r) => !this.indexed[r]);
  }

  /** Every region not indexed yet. */
  remaining(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.starts.length; r++) if (!this.indexed[r]) out.push(r);
    return out;
  }
}
