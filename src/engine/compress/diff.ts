/**
 * Myers' O(ND) difference algorithm over arrays of strings: used to map a compressed literal's characters back to
 * their source spelling, and for the line diff shown before a compression is applied.
 */

/** Beyond this many differences the sequences are treated as wholly different (still correct, just no reuse). */
const MAX_EDITS = 4000;

/** For each element of `b`, the index of the element of `a` it is matched to, or -1 (inserted). */
export function matchSequences(a: readonly string[], b: readonly string[]): Int32Array {
  const matches = new Int32Array(b.length).fill(-1);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    matches[start] = start;
    start++;
  }
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
    matches[bEnd] = aEnd;
  }
  const n = aEnd - start;
  const m = bEnd - start;
  if (n === 0 || m === 0) return matches;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, MAX_EDITS); d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        backtrack(trace, n, m, (ax, by) => (matches[start + by] = start + ax));
        return matches;
      }
    }
  }
  return matches;
}

function backtrack(trace: Int32Array[], n: number, m: number, match: (ax: number, by: number) => void): void {
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const at = (k: number): number => v[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      match(x, y);
    }
    x = prevX;
    y = prevY;
  }
}

export interface DiffOptions {
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
  fromLabel?: string;
  toLabel?: string;
}

/** A unified diff of two texts by line ("" when they are equal): what the user reviews before applying. */
export function unifiedDiff(before: string, after: string, options: DiffOptions = {}): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const a = before.split('\n');
  const b = after.split('\n');
  const matches = matchSequences(a, b);
  // Edit script as [op, aIndex, bIndex]; in each change, removed lines come before added ones.
  const ops: Array<[' ' | '-' | '+', number, number]> = [];
  let i = 0;
  let added: number[] = [];
  const flush = (upTo: number, j: number): void => {
    while (i < upTo) ops.push(['-', i++, j]);
    for (const bj of added) ops.push(['+', i, bj]);
    added = [];
  };
  for (let j = 0; j < b.length; j++) {
    if (matches[j] < 0) {
      added.push(j);
      continue;
    }
    flush(matches[j], j);
    ops.push([' ', i++, j]);
  }
  flush(a.length, b.length);

  const lines = [`--- ${options.fromLabel ?? 'before'}`, `+++ ${options.toLabel ?? 'after'}`];
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k][0] === ' ') k++;
    if (k === ops.length) break;
    const start = Math.max(0, k - context);
    // The hunk runs on while the next change is within 2 * context unchanged lines of the last one.
    let lastChange = k;
    for (let scan = k; scan < ops.length && scan - lastChange <= 2 * context + 1; scan++) {
      if (ops[scan][0] !== ' ') lastChange = scan;
    }
    const stop = Math.min(ops.length, lastChange + context + 1);
    const hunk = ops.slice(start, stop);
    const fromA = hunk.filter((o) => o[0] !== '+');
    const fromB = hunk.filter((o) => o[0] !== '-');
    const aStart = fromA.length ? fromA[0][1] + 1 : hunk[0][1];
    const bStart = fromB.length ? fromB[0][2] + 1 : hunk[0][2];
    lines.push(`@@ -${aStart},${fromA.length} +${bStart},${fromB.length} @@`);
    for (const [op, ai, bj] of hunk) lines.push(op + (op === '+' ? b[bj] : a[ai]));
    k = stop;
  }
  return lines.join('\n') + '\n';
}
