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

/** Folds one character into a word's hash (FNV-1a). */
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

const HASH_SEED = 2166136261;

/** A growable Int32Array (the word table's columns). */
function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

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
   * Each word seen, as entry w (columns below): the word, what it says about a region, and the regions not indexed
   * yet that spell it. Found through an open-addressing table keyed by a hash of the word computed while scanning, so
   * a word seen before is found without cutting it out of the text. (Typed columns rather than an object per word:
   * the scan meets every word of the file.)
   */
  private readonly words: string[] = [];
  private readonly kinds: WordKind[] = [];
  private hashes = new Int32Array(1024);
  /** The last occurrence of word w (an index into the occurrence columns, -1: none). */
  private heads = new Int32Array(1024);
  /** The region the scan last met word w in (a word is filed once per region). */
  private lastRegions = new Int32Array(1024);
  /** The hash table: entry index + 1 per slot (0: empty); a power of two, at most half full. */
  private table = new Int32Array(4096);
  /**
   * The occurrences filed for lookups, one per (word, region not indexed): occurrence i is in region `occRegion[i]`,
   * and `occPrev[i]` is the same word's occurrence before it (-1: none).
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
    // The words met in the current region (filed under it once the region turns out unread).
    let met = new Int32Array(256);
    for (let region = 0; region < n; region++) {
      const end = region + 1 < n ? starts[region + 1] : length;
      let i = starts[region];
      let metCount = 0;
      let wanted = false;
      while (i < end) {
        if (!isWordChar(text.charCodeAt(i))) {
          i++;
          continue;
        }
        const from = i;
        let h = HASH_SEED;
        for (let c = text.charCodeAt(i); i < end && isWordChar(c); c = text.charCodeAt(++i)) h = hashStep(h, c);
        let w = this.find(text, from, i, h);
        if (w < 0) w = this.add(text.slice(from, i), h, classify);
        const kind = this.kinds[w];
        if (kind === WordKind.Always || (kind === WordKind.IfCalled && called(from, i))) {
          wanted = true;
          break;
        }
        if (this.lastRegions[w] !== region) {
          this.lastRegions[w] = region;
          if (metCount === met.length) met = grown(met, met.length * 2);
          met[metCount++] = w;
        }
      }
      if (wanted) {
        this.indexed[region] = 1;
        this.left--;
        continue;
      }
      for (let k = 0; k < metCount; k++) {
        const w = met[k];
        if (this.occCount === this.occRegion.length) {
          this.occRegion = grown(this.occRegion, this.occCount * 2);
          this.occPrev = grown(this.occPrev, this.occCount * 2);
        }
        const o = this.occCount++;
        this.occRegion[o] = region;
        this.occPrev[o] = this.heads[w];
        this.heads[w] = o;
      }
    }
  }

  /** The entry of the word text[from, to) with hash `h`, or -1. */
  private find(text: string, from: number, to: number, h: number): number {
    const table = this.table;
    const mask = table.length - 1;
    const size = to - from;
    for (let slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const e = table[slot];
      if (e === 0) return -1;
      const w = e - 1;
      if (this.hashes[w] !== h) continue;
      const word = this.words[w];
      if (word.length !== size) continue;
      let k = 0;
      while (k < size && word.charCodeAt(k) === text.charCodeAt(from + k)) k++;
      if (k === size) return w;
    }
  }

  /** Files a new word; returns its entry. */
  private add(word: string, h: number, classify: (word: string) => WordKind): number {
    const w = this.words.length;
    if (w === this.hashes.length) {
      this.hashes = grown(this.hashes, w * 2);
      this.heads = grown(this.heads, w * 2);
      this.lastRegions = grown(this.lastRegions, w * 2);
    }
    this.words.push(word);
    this.kinds.push(classify(word));
    this.hashes[w] = h;
    this.heads[w] = -1;
    this.lastRegions[w] = -1;
    if ((w + 1) * 2 > this.table.length) this.rehash();
    else this.place(w);
    return w;
  }

  private place(w: number): void {
    const table = this.table;
    const mask = table.length - 1;
    const h = this.hashes[w];
    let slot = (h ^ (h >>> 16)) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = w + 1;
  }

  /** Doubles the table and places every word again. */
  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    for (let w = 0; w < this.words.length; w++) this.place(w);
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
    const w = this.find(word, 0, word.length, h);
    if (w < 0 || this.heads[w] < 0) return [];
    const out: number[] = [];
    for (let o = this.heads[w]; o >= 0; o = this.occPrev[o]) if (!this.indexed[this.occRegion[o]]) out.push(this.occRegion[o]);
    this.heads[w] = -1;
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
