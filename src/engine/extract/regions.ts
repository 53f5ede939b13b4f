/**
 * Top-level statements as regions of the text, told apart before any of them is queried: the ones whose words show
 * they may hold a candidate (an API method name, a prompt-like name, a `role` key, an import...) are indexed at once;
 * the others only when a lookup needs them (a name spelled in them, a position inside them). Querying a syntax tree
 * costs time for every node it visits, and most of a file's statements never matter to its prompts.
 */

/** Whitespace between tokens, line breaks included: ASCII, and JavaScript's other spaces (NBSP, Zs, BOM, LS, PS). */
export function isSpaceChar(c: number): boolean {
  if (c < 128) return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A word character of the scan: ASCII letters, digits, `_`, `$`, and anything non-ASCII but whitespace (identifiers
 * may be Korean). An identifier is always one whole word: what can stand next to it in code is ASCII or whitespace.
 */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || (c >= 128 && !isSpaceChar(c));
}

/** True when every character of `name` is a word character (so it is spelled as one whole word of the scan). */
export function isWholeWord(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) if (!isWordChar(name.charCodeAt(i))) return false;
  return true;
}

/** What a word says about the region spelling it: nothing, a candidate if it is called there, a candidate anyway. */
export const enum WordKind {
  None = 0,
  IfCalled = 1,
  Always = 2,
}

interface WordEntry {
  word: string;
  kind: WordKind;
  regions: number[];
  /** The next entry whose word has the same hash. */
  next: WordEntry | null;
}

/** Folds one character into a word's hash (FNV-1a). */
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

const HASH_SEED = 2166136261;

export class Regions {
  /** Where each region starts; region i ends where region i + 1 starts (the last one at the end of the text). */
  readonly starts: number[];
  /** Whether region i has been indexed. */
  readonly indexed: Uint8Array;
  /** How many regions are not indexed yet. */
  left = 0;
  /**
   * Each word seen: what it says about a region, and the regions not indexed yet that spell it. Keyed by a hash of the
   * word computed while scanning, so a word seen before is found without cutting it out of the text.
   */
  private readonly words = new Map<number, WordEntry>();

  /**
   * Scans the words of `text` once: a region with a word `classify` says is a candidate (`IfCalled`: when `called`
   * says the occurrence may be a call's name) is marked indexed (the caller queries it now; the rest of it is not
   * scanned); the words of the others are remembered for lookups.
   */
  constructor(text: string, starts: number[], classify: (word: string) => WordKind, called: (from: number, to: number) => boolean) {
    this.starts = starts;
    const n = starts.length;
    this.indexed = new Uint8Array(n);
    this.left = n;
    const length = text.length;
    // The entries of the words met in the current region (filed under it once the region turns out unread).
    const met: WordEntry[] = [];
    for (let region = 0; region < n; region++) {
      const end = region + 1 < n ? starts[region + 1] : length;
      let i = starts[region];
      met.length = 0;
      let wanted = false;
      while (i < end) {
        if (!isWordChar(text.charCodeAt(i))) {
          i++;
          continue;
        }
        const from = i;
        let h = HASH_SEED;
        for (let c = text.charCodeAt(i); i < end && isWordChar(c); c = text.charCodeAt(++i)) h = hashStep(h, c);
        const size = i - from;
        const first = this.words.get(h) ?? null;
        let entry = first;
        while (entry && !(entry.word.length === size && text.startsWith(entry.word, from))) entry = entry.next;
        if (!entry) {
          const word = text.slice(from, i);
          entry = { word, kind: classify(word), regions: [], next: first };
          this.words.set(h, entry);
        }
        if (entry.kind === WordKind.Always || (entry.kind === WordKind.IfCalled && called(from, i))) {
          wanted = true;
          break;
        }
        met.push(entry);
      }
      if (wanted) {
        this.indexed[region] = 1;
        this.left--;
        continue;
      }
      for (const entry of met) {
        const regions = entry.regions;
        if (regions[regions.length - 1] !== region) regions.push(region);
      }
    }
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
    let h = HASH_SEED;
    for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
    let entry = this.words.get(h) ?? null;
    while (entry && entry.word !== word) entry = entry.next;
    if (!entry || entry.regions.length === 0) return [];
    const out = entry.regions.filter((r) => !this.indexed[r]);
    entry.regions = [];
    return out;
  }

  /** Every region not indexed yet. */
  remaining(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.starts.length; r++) if (!this.indexed[r]) out.push(r);
    return out;
  }
}
