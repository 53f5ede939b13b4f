import { literalText, parseLiteral, type ParsedLiteral } from '../../compress/literal';
import type { LiteralPart } from '../../compress/literal/types';
import type { Fix, Prompt } from '../../model';
import type { SourceText } from '../source';

/** Words by which an opening paragraph points at what follows it: moving it would break the reference. */
const FORWARD_REFERENCE = /\b(?:below|following|as follows|next)\b|다음|아래|이어지는/i;
const FORMAT_PLACEHOLDER = /\{\{\s*[A-Za-z_][\w.]*\s*\}\}|\{[A-Za-z_][\w.]*\}|%\([A-Za-z_]\w*\)[sdifr]/;

const spell = (parts: readonly LiteralPart[]): string => parts.map((p) => p.lead + p.raw).join('');
const decode = (parts: readonly LiteralPart[]): string => parts.map((p) => (p.kind === 'text' ? p.value : p.raw)).join('');
const isNewline = (p: LiteralPart): boolean => p.kind === 'text' && p.value === '\n';
const isSpace = (p: LiteralPart): boolean => p.kind === 'text' && /^\s$/.test(p.value);

/**
 * Moves a prompt's dynamic opening paragraph (the first paragraph, holding an interpolation, followed by a blank line)
 * to the end of its literal, so the static bulk becomes a cacheable prefix: `f"Today is {date}.\n\n<rules>"` ->
 * `f"<rules>\n\nToday is {date}."`. Offered only where that is a clean move: one literal, the dynamic part a whole
 * paragraph that does not point at what follows it ("the following", ":"), and the paragraph after it static.
 * Not safe for "fix all": the model reads the context in another place.
 */
export function moveDynamicToEndFix(source: SourceText, prompt: Pick<Prompt, 'literals' | 'templated'>): Fix | null {
  if (prompt.literals.length !== 1) return null;
  const range = prompt.literals[0]!.range;
  const lit = parseLiteral(source.slice(range), source.language);
  if (!lit) return null;
  const parts = lit.parts;
  const dynamic = (p: LiteralPart): boolean => p.kind === 'opaque';
  const placeholderIn = (ps: readonly LiteralPart[]): boolean => !lit.fstring && prompt.templated && FORMAT_PLACEHOLDER.test(decode(ps));

  // Leading whitespace stays first (a triple-quoted literal's opening newline).
  let start = 0;
  while (start < parts.length && isSpace(parts[start]!)) start++;
  // The opening paragraph ends at the first blank line: a newline, optional spaces, a newline.
  let headEnd = -1;
  for (let i = start; i < parts.length; i++) {
    if (!isNewline(parts[i]!)) continue;
    let j = i + 1;
    while (j < parts.length && isSpace(parts[j]!) && !isNewline(parts[j]!)) j++;
    if (j < parts.length && isNewline(parts[j]!)) {
      headEnd = i;
      break;
    }
  }
  if (headEnd < 0) return null;
  const head = parts.slice(start, headEnd);
  if (!(head.some(dynamic) || placeholderIn(head))) return null;
  const headText = decode(head).trim();
  if (!headText || headText.endsWith(':') || FORWARD_REFERENCE.test(headText)) return null;

  let tailStart = headEnd;
  while (tailStart < parts.length && isSpace(parts[tailStart]!)) tailStart++;
  let tailEnd = parts.length;
  while (tailEnd > tailStart && isSpace(parts[tailEnd - 1]!)) tailEnd--;
  if (tailEnd <= tailStart) return null;
  const tail = parts.slice(tailStart, tailEnd);
  // The part that becomes the prefix must be static up to its first paragraph break at least.
  const breakAt = tail.findIndex((p, i) => isNewline(p) && i + 1 < tail.length && isNewline(tail[i + 1]!));
  const firstTailParagraph = breakAt < 0 ? tail : tail.slice(0, breakAt);
  if (firstTailParagraph.some(dynamic) || placeholderIn(firstTailParagraph)) return null;

  const separator = parts.slice(headEnd, tailStart);
  const body = spell(parts.slice(0, start)) + spell(tail) + spell(separator) + spell(head) + spell(parts.slice(tailEnd));
  const newSource = lit.open + body + lit.tail + lit.close;
  const check = parseLiteral(newSource, source.language);
  const expected = decode(parts.slice(0, start)) + decode(tail) + decode(separator) + decode(head) + decode(parts.slice(tailEnd));
  if (!check || literalText(check) !== expected || !sameInterpolations(lit, check)) return null;
  return {
    title: 'Move the dynamic opening to the end of the prompt (makes the static part a cacheable prefix)',
    kind: 'quickfix',
    safe: false,
    edits: [{ range, newText: newSource }],
  };
}

function sameInterpolations(a: ParsedLiteral, b: ParsedLiteral): boolean {
  const ra = a.parts.filter((p) => p.kind === 'opaque').map((p) => p.raw).sort();
  const rb = b.parts.filter((p) => p.kind === 'opaque').map((p) => p.raw).sort();
  return ra.length === rb.length && ra.every((r, i) => r === rb[i]);
}
