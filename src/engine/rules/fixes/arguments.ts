import type { AuditedCall, TextEdit } from '../../model';
import type { SourceText } from '../source';

/**
 * An edit adding `key=value` (Python keyword) / `key: value` (JS options object) at the call's insertion point,
 * in the call's own layout: a new line indented like the previous argument when the arguments are one per line
 * (keeping a trailing comma where there was one), else inline after the last argument. Null when extraction
 * found no insertion point (arguments it could not read).
 */
export function insertArgumentEdit(source: SourceText, call: Pick<AuditedCall, 'insertAt'>, key: string, value: string): TextEdit | null {
  if (!call.insertAt) return null;
  const at = source.offsetAt(call.insertAt);
  const text = source.text;
  const argument = source.isPython ? `${key}=${value}` : `${key}: ${value}`;
  let prev = at - 1;
  while (prev >= 0 && /\s/.test(text[prev]!)) prev--;
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
    if (prevChar === ',') return { range: source.point(prev + 1), newText: `${source.eol}${indent}${argument},` };
    return { range: source.point(prev + 1), newText: `,${source.eol}${indent}${argument}` };
  }
  if (prevChar === ',') return { range: source.point(prev + 1), newText: ` ${argument},` };
  return { range: source.point(prev + 1), newText: `, ${argument}` };
}
