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

/** ASCII word characters of the scan (letters, digits, `_`, `$`), as a table: the scan asks for every character. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 ? 1 : 0;

/**
 * A word character of the scan: ASCII letters, digits, `_`, `$`, and anything non-ASCII but whitespace (identifiers
 * may be Korean). An identifier is always one whole word: what can stand next to it in code is ASCII or whitespace.
 */
function isWordChar(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : !isSpaceChar(c);
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
  /** The last of the regions not indexed yet that spell the word, as an index into Regions' occurrence list (-1: none). */
  head: number;
  /** The region the scan last met the word in (a word is filed once per region). */
  lastRegion: number;
  /** The next entry whose word has the same hash. */
  next: WordEntry | null;
}

/** Folds one character into a word's hash (FNV-1a). */
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

/** The map key of a word's hash: 30 bits, so V8 keeps it a small integer (a full 32-bit hash is a boxed number). */
function keyOf(h: number): number {
  return h & 0x3fffffff;
}

const HASH_SEED = 2166136261;

export class Regions {
  /**
   * Where each region starts; region i ends where region i + 1 starts (the last one at the end of the text). After an
   * edit (see shift) the starts of regions that are not indexed stay exact; the others only stay in order.
   */
  readonly starts: number[];
  /**
   * Where each region's statement ends (before the whitespace up to the next one), -1 until read (see FileIndex.settle);
   * kept for the regions not indexed yet, which an edit's re-read region must either leave alone or cover whole.
   */
  readonly ends: Int32Array;
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
   * The occurrences filed for lookups, one per (word, region not indexed): occurrence i is in region `occRegion[i]`,
   * and `occPrev[i]` is the same word's occurrence before it (-1: none). Flat arrays instead of a list per word: a
   * file has tens of thousands of them.
   */
  private occRegion: Int32Array;
  private occPrev: Int32Array;
  private occCount = 0;

  /**
   * Scans the words of `text` once: a region with a word `classify` says is a candidate (`IfCalled`: when `called`
   * says the occurrence may be a call's name) is marked indexed (the caller queries it now; the rest of it is not
   * scanned); the words of the others are remembered for lookups.
   */
  constructor(text: string, starts: number[], classify: (word: string) => WordKind, called: (from: number, to: number) => boolean) {
    this.starts = starts;
    const n = starts.length;
    this.indexed = new Uint8Array(n);
    this.ends = new Int32Array(n).fill(-1);
    this.left = n;
    const length = text.length;
    // (About one occurrence per 16 characters in real code; grown when a file has more.)
    this.occRegion = new Int32Array(Math.max(64, length >> 4));
    this.occPrev = new Int32Array(this.occRegion.length);
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
        const first = this.words.get(keyOf(h)) ?? null;
        let entry = first;
        while (entry && !(entry.word.length === size && text.startsWith(entry.word, from))) entry = entry.next;
        if (!entry) {
          const word = text.slice(from, i);
          entry = { word, kind: classify(word), head: -1, lastRegion: -1, next: first };
          this.words.set(keyOf(h), entry);
        }
        if (entry.kind === WordKind.Always || (entry.kind === WordKind.IfCalled && called(from, i))) {
          wanted = true;
          break;
        }
        if (entry.lastRegion !== region) {
          entry.lastRegion = region;
          met.push(entry);
        }
      }
      if (wanted) {
        this.indexed[region] = 1;
        this.left--;
        continue;
      }
      for (const entry of met) {
        if (this.occCount === this.occRegion.length) this.growOccurrences();
        const i = this.occCount++;
        this.occRegion[i] = region;
        this.occPrev[i] = entry.head;
        entry.head = i;
      }
    }
  }

  private growOccurrences(): void {
    const region = new Int32Array(this.occRegion.length * 2);
    const prev = new Int32Array(region.length);
    region.set(this.occRegion);
    prev.set(this.occPrev);
    this.occRegion = region;
    this.occPrev = prev;
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
    let entry = this.words.get(keyOf(h)) ?? null;
    while (entry && entry.word !== word) entry = entry.next;
    if (!entry || entry.head < 0) return [];
    const out: number[] = [];
    for (let i = entry.head; i >= 0; i = this.occPrev[i]) if (!this.indexed[this.occRegion[i]]) out.push(this.occRegion[i]);
    entry.head = -1;
    // Filed last first: in order.
    return out.reverse();
  }

  /**
   * Marks indexed the regions not indexed yet whose statements the range [start, end) reaches (touching counts: a query
   * over a range may return a node that merely ends at its start), widening the range to cover them whole; returns the
   * widened range. `textEnd`: where the text ends (the last region's extent, when its statement's end is not read).
   */
  cover(start: number, end: number, textEnd: number): { start: number; end: number } {
    for (let grew = true; grew; ) {
      grew = false;
      for (let r = Math.max(0, this.at(start)); r < this.starts.length && this.starts[r] <= end; r++) {
        // (An end not read: the region's whole extent, up to the next region.)
        const regionEnd = this.ends[r] >= 0 ? this.ends[r] : r + 1 < this.starts.length ? this.starts[r + 1] : textEnd;
        if (this.indexed[r] || regionEnd < start) continue;
        this.indexed[r] = 1;
        this.left--;
        if (this.starts[r] < start) start = this.starts[r];
        if (regionEnd > end) end = regionEnd;
        grew = true;
      }
    }
    return { start, end };
  }

  /**
   * Moves the regions after an edit of [start, oldEnd) that is now [start, start + delta + (oldEnd - start)): regions
   * after it shift; the ones starting inside it (indexed: see cover) move to its start, so the starts stay in order.
   */
  shift(start: number, oldEnd: number, delta: number): void {
    const starts = this.starts;
    const ends = this.ends;
    for (let r = 0; r < starts.length; r++) {
      const s = starts[r];
      if (s >= oldEnd) starts[r] = s + delta;
      else if (s > start) starts[r] = start;
      const e = ends[r];
      if (e >= oldEnd) ends[r] = e + delta;
      else if (e > start) ends[r] = start;
    }
  }

  /** Every region not indexed yet. */
  remaining(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.starts.length; r++) if (!this.indexed[r]) out.push(r);
    return out;
  }
}
