import type { AuditedCall, TextEdit } from '../../model';
import type { SourceText } from '../source';

/** Where a trailing line comment starts in one line of code (`#` in Python, `//` elsewhere), outside strings; else its length. */
export function commentStart(line: string, python: boolean): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (python ? ch === '#' : ch === '/' && line[i + 1] === '/') return i;
  }
  return line.length;
}

/** The offset of the last code character before `offset` (whitespace and line comments skipped), or -1. */
function lastCodeBefore(source: SourceText, offset: number): number {
  const pos = source.positionAt(offset);
  for (let line = pos.line; line >= 0; line--) {
    const start = source.lineStart(line);
    const text = line === pos.line ? source.text.slice(start, offset) : source.lineText(line);
    const code = text.slice(0, commentStart(text, source.isPython));
    const trimmed = code.replace(/\s+$/, '');
    if (trimmed.length > 0) return start + trimmed.length - 1;
  }
  return -1;
}

/**
 * An edit adding `key=value` (Python keyword) / `key: value` (JS options object) at the call's insertion point,
 * in the call's own layout: a new line indented like the previous argument when the arguments are one per line
 * (keeping a trailing comma where there was one), else inline after the last argument. Comments after the last
 * argument stay where they are. Null when extraction found no insertion point (arguments it could not read).
 */
export function insertArgumentEdit(source: SourceText, call: Pick<AuditedCall, 'insertAt'>, key: string, value: string): TextEdit | null {
  if (!call.insertAt) return null;
  const at = source.offsetAt(call.insertAt);
  const text = source.text;
  const argument = source.isPython ? `${key}=${value}` : `${key}: ${value}`;
  const prev = lastCodeBefore(source, at);
  if (prev < 0) return null;
  const prevChar = text[prev]!;
  const multiline = text.slice(prev + 1, at).includes('\n');
  if (prevChar === '(' || prevChar === '{') {
    if (multiline) return { range: source.point(at), newText: `${source.indentOf(source.positionAt(prev).line)}    ${argument},${source.eol}` };
    const pad = !source.isPython && prevChar === '{' ? ' ' : '';
    return { range: source.point(at), newText: `${pad}${argument}${pad && text[at] === '}' ? ' ' : ''}` };
  }
  if (multiline) {
    const indent = source.indentOf(source.positionAt(prev).line);
    // After the previous argument's line (and its comment): a line of its own.
    const lineEnd = source.lineStart(source.positionAt(prev).line + 1);
    if (prevChar === ',') return { range: source.point(lineEnd), newText: `${indent}${argument},${source.eol}` };
    return { range: source.point(prev + 1), newText: `,${source.eol}${indent}${argument}` };
  }
  if (prevChar === ',') return { range: source.point(prev + 1), newText: ` ${argument},` };
  return { range: source.point(prev + 1), newText: `, ${argument}` };
}
