import type { Node } from 'web-tree-sitter';
import type { Pos, Range } from '../model';

/** Offsets to line/character positions for one text, by binary search over line starts (no wasm calls). */
export class LineIndex {
  /** Offsets where lines start (one allocation, sized by a first count of the newlines). */
  private readonly starts: Int32Array;

  constructor(text: string) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    this.starts = new Int32Array(lines);
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts[n++] = i + 1;
  }

  positionAt(offset: number): Pos {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset), startOffset, endOffset };
  }
}

/** A node's span as an engine Range (tree-sitter rows/columns are already UTF-16 units, like VS Code). */
export function nodeRange(node: Node): Range {
  const s = node.startPosition;
  const e = node.endPosition;
  return {
    start: { line: s.row, character: s.column },
    end: { line: e.row, character: e.column },
    startOffset: node.startIndex,
    endOffset: node.endIndex,
  };
}

/** A text edit expressed in offsets and positions, before (old) and after (new) it was applied. */
export interface TextChange {
  startOffset: number;
  oldEndOffset: number;
  newEndOffset: number;
  start: Pos;
  oldEnd: Pos;
  newEnd: Pos;
}

/** Moves a position that lies at or after the old end of `change` to where it is after the change. */
export function shiftPos(pos: Pos, offset: number, change: TextChange): Pos {
  if (offset < change.oldEndOffset) return pos;
  if (pos.line === change.oldEnd.line) {
    return { line: change.newEnd.line, character: change.newEnd.character + (pos.character - change.oldEnd.character) };
  }
  return { line: pos.line + (change.newEnd.line - change.oldEnd.line), character: pos.character };
}

/** Shifts a range in place (see shiftRange). */
export function shiftRangeInPlace(range: Range, change: TextChange): void {
  if (range.endOffset <= change.startOffset) return;
  const shifted = shiftRange(range, change);
  range.start = shifted.start;
  range.end = shifted.end;
  range.startOffset = shifted.startOffset;
  range.endOffset = shifted.endOffset;
}

/** Shifts a range that does not overlap the changed text (callers re-extract ranges that do). */
export function shiftRange(range: Range, change: TextChange): Range {
  const delta = change.newEndOffset - change.oldEndOffset;
  if (range.endOffset <= change.startOffset) return range;
  return {
    start: shiftPos(range.start, range.startOffset, change),
    end: shiftPos(range.end, range.endOffset, change),
    startOffset: range.startOffset >= change.oldEndOffset ? range.startOffset + delta : range.startOffset,
    endOffset: range.endOffset >= change.oldEndOffset ? range.endOffset + delta : range.endOffset,
  };
}
