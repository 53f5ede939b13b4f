import type { LanguageId, Pos, Range } from '../model';

/**
 * The audited document's text as fixes need it: offsets -> positions (UTF-16 units, like every engine Range), line
 * text and indentation, and the comment syntax of its language. Fixes build edits from it; nothing is re-parsed.
 */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    readonly language: LanguageId,
  ) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.lineStarts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  get isPython(): boolean {
    return this.language === 'python';
  }

  /** `#` in Python, `//` in TypeScript and JavaScript. */
  get commentMarker(): string {
    return this.isPython ? '#' : '//';
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line break the file uses (`\r\n` when its first line ends so). */
  get eol(): string {
    const first = this.text.indexOf('\n');
    return first > 0 && this.text[first - 1] === '\r' ? '\r\n' : '\n';
  }

  positionAt(offset: number): Pos {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo]! };
  }

  offsetAt(pos: Pos): number {
    const start = this.lineStarts[Math.max(0, Math.min(pos.line, this.lineStarts.length - 1))]!;
    return Math.min(start + pos.character, this.text.length);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset), startOffset, endOffset };
  }

  /** An empty range at `offset` (an insertion point). */
  point(offset: number): Range {
    return this.range(offset, offset);
  }

  slice(range: Pick<Range, 'startOffset' | 'endOffset'>): string {
    return this.text.slice(range.startOffset, range.endOffset);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  /** Leading whitespace of a line. */
  indentOf(line: number): string {
    return /^[ \t]*/.exec(this.lineText(line))![0];
  }
}
